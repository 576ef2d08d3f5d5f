using System.Globalization;
using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary>
/// The handler's events as the formatters users run render them — the framework's <c>AddJsonConsole()</c>,
/// Serilog's console output template, OpenTelemetry's log export — which render exceptions and properties that
/// a capturing logger never touches.
/// </summary>
public sealed class RealFormatterTests
{
    public static TheoryData<string, string> HostileExceptionsInEachEnvironment() => new()
    {
        { "message", "Production" }, { "message", "Development" },
        { "stacktrace", "Production" }, { "stacktrace", "Development" },
        { "tostring", "Production" }, { "tostring", "Development" },
    };

    private static Exception Hostile(string kind) => kind switch
    {
        "message" => new HostileExceptions.MessageThrowsException(),
        "stacktrace" => new HostileExceptions.StackTraceThrowsException(),
        _ => new HostileExceptions.ToStringThrowsException(),
    };

    private static void MapFailures(WebApplication app)
    {
        app.MapGet("/hostile/{kind}", string (string kind) => throw Hostile(kind));
        app.MapGet("/fail", string () => throw new InvalidOperationException("SENTINEL-FORMATTED"));
    }

    private static JsonElement[] HandlerLines(FormattedLogProvider console) =>
        [.. console.Lines
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.GetProperty("Category").GetString() == HandlerLog.Category)];

    private static string TraceId(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(response.Content.ReadAsStream());
        return body.RootElement.GetProperty("traceId").GetString()!;
    }

    [Theory]
    [MemberData(nameof(HostileExceptionsInEachEnvironment))]
    public async Task JsonConsole_ExceptionThatCannotBeRendered_StillOneEventWithItsType(string kind, string environment)
    {
        FormattedLogProvider console = null!;
        await using var app = await TestApp.StartWithHandlerAsync(
            MapFailures, builder => console = FormattedLogProvider.AddJsonConsole(builder), environment);

        var response = await app.GetTestClient().GetAsync($"/hostile/{kind}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var line = Assert.Single(HandlerLines(console));
        Assert.Equal(1, line.GetProperty("EventId").GetInt32());
        var state = line.GetProperty("State");
        Assert.Equal(Hostile(kind).GetType().FullName, state.GetProperty("ExceptionType").GetString());
        Assert.Contains("threw System.InvalidOperationException", state.GetProperty("ExceptionRenderingFailure").GetString(), StringComparison.Ordinal);
        Assert.Contains("rendering it failed", line.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonConsole_OrdinaryException_IsAttachedWithItsStack()
    {
        FormattedLogProvider console = null!;
        await using var app = await TestApp.StartWithHandlerAsync(MapFailures, builder => console = FormattedLogProvider.AddJsonConsole(builder));

        await app.GetTestClient().GetAsync("/fail");

        var line = Assert.Single(HandlerLines(console));
        Assert.Contains("SENTINEL-FORMATTED", line.GetProperty("Exception").GetString(), StringComparison.Ordinal);
        Assert.False(line.GetProperty("State").TryGetProperty("ExceptionRenderingFailure", out _));
    }

    [Theory]
    [InlineData("message")]
    [InlineData("stacktrace")]
    [InlineData("tostring")]
    public async Task SerilogConsoleTemplate_ExceptionThatCannotBeRendered_StillOneEvent(string kind)
    {
        // Serilog swallows a sink's failure, so an event whose exception cannot be rendered would vanish silently.
        var sink = new RenderingSink("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        await using var app = await TestApp.StartWithHandlerAsync(
            MapFailures,
            builder => builder.Services.AddSerilog(new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger(), dispose: true));

        await app.GetTestClient().GetAsync($"/hostile/{kind}");

        var line = Assert.Single(sink.Lines, l => l.Contains("failed with", StringComparison.Ordinal));
        Assert.Contains(Hostile(kind).GetType().FullName!, line, StringComparison.Ordinal);
        Assert.Contains("rendering it failed", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(2_000)]
    public async Task JsonConsole_Message_IsTheTemplateFilledWithTheStateValues(int segmentLength)
    {
        FormattedLogProvider console = null!;
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/orders/{id}", string (string id) => throw new InvalidOperationException("SENTINEL-FORMATTED")),
            builder =>
            {
                console = FormattedLogProvider.AddJsonConsole(builder);
                builder.Services.AddGlobalErrorHandler(o => o.ErrorStormWindow = TimeSpan.FromHours(1));
            });
        var path = "/orders/" + new string('7', segmentLength);

        var first = await app.GetTestClient().GetAsync(path + "?page=2");
        var repeat = await app.GetTestClient().GetAsync(path + "?page=3");

        var lines = HandlerLines(console);
        Assert.Equal(2, lines.Length);
        var state = lines[1].GetProperty("State");
        var fingerprint = state.GetProperty("ExceptionFingerprint").GetString();
        Assert.Equal(
            $"GET {path}?page=2 failed with System.InvalidOperationException; responded 500 ({TraceId(first)}), occurrence 1 of {fingerprint}",
            lines[0].GetProperty("Message").GetString());
        Assert.Equal(
            $"GET {path}?page=3 failed with System.InvalidOperationException; responded 500 ({TraceId(repeat)}), occurrence 2 of {fingerprint}",
            lines[1].GetProperty("Message").GetString());
        Assert.Equal(2, state.GetProperty("OccurrenceCount").GetInt32());
    }

    [Fact]
    public async Task JsonConsole_LogRequestHeaders_HeadersAreReadableAndRedacted()
    {
        FormattedLogProvider console = null!;
        await using var app = await TestApp.StartWithHandlerAsync(
            MapFailures,
            builder =>
            {
                console = FormattedLogProvider.AddJsonConsole(builder);
                builder.Services.AddGlobalErrorHandler(o => o.LogRequestHeaders = true);
            });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fail");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer SENTINEL-BEARER");
        request.Headers.TryAddWithoutValidation("X-Trace-Tag", "req-7");

        await app.GetTestClient().SendAsync(request);

        var message = Assert.Single(HandlerLines(console)).GetProperty("Message").GetString()!;
        Assert.Contains("\"X-Trace-Tag\":\"req-7\"", message, StringComparison.Ordinal);
        Assert.Contains("\"Authorization\":\"***\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain("SENTINEL-BEARER", string.Join('\n', console.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonConsole_LogRequestHeaders_PropertyIsTheHeadersAsAJsonObject()
    {
        FormattedLogProvider console = null!;
        await using var app = await TestApp.StartWithHandlerAsync(
            MapFailures,
            builder =>
            {
                console = FormattedLogProvider.AddJsonConsole(builder);
                builder.Services.AddGlobalErrorHandler(o => o.LogRequestHeaders = true);
            });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fail");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer SENTINEL-BEARER");
        request.Headers.TryAddWithoutValidation("X-Trace-Tag", "req-7");

        await app.GetTestClient().SendAsync(request);

        var property = Assert.Single(HandlerLines(console)).GetProperty("State").GetProperty("RequestHeaders").GetString()!;
        using var headers = JsonDocument.Parse(property);
        Assert.Equal("***", headers.RootElement.GetProperty("Authorization").GetString());
        Assert.Equal("req-7", headers.RootElement.GetProperty("X-Trace-Tag").GetString());
    }

    [Fact]
    public async Task OpenTelemetryLogs_LogRequestHeaders_ExportedRedactedWithTheEvent()
    {
        var exported = new List<LogRecord>();
        await using var app = await TestApp.StartWithHandlerAsync(
            MapFailures,
            builder =>
            {
                builder.Logging.AddOpenTelemetry(o =>
                {
                    o.IncludeFormattedMessage = true;
                    o.AddInMemoryExporter(exported);
                });
                builder.Services.AddGlobalErrorHandler(o => o.LogRequestHeaders = true);
            });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fail");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer SENTINEL-BEARER");
        request.Headers.TryAddWithoutValidation("X-Trace-Tag", "req-7");

        await app.GetTestClient().SendAsync(request);

        var record = Assert.Single(exported, r => r.CategoryName == HandlerLog.Category);
        using var headers = JsonDocument.Parse(Convert.ToString(record.Attributes!.Single(a => a.Key == "RequestHeaders").Value, CultureInfo.InvariantCulture)!);
        Assert.Equal("***", headers.RootElement.GetProperty("Authorization").GetString());
        Assert.Equal("req-7", headers.RootElement.GetProperty("X-Trace-Tag").GetString());
        Assert.Contains("\"X-Trace-Tag\":\"req-7\"", record.FormattedMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("SENTINEL-BEARER", record.FormattedMessage, StringComparison.Ordinal);
        Assert.IsType<DateTimeOffset>(record.Attributes!.Single(a => a.Key == "Timestamp").Value);
    }

    /// <summary>Formats each event with a Serilog output template, as the console sink does, into memory.</summary>
    private sealed class RenderingSink(string outputTemplate) : ILogEventSink
    {
        private readonly MessageTemplateTextFormatter _formatter = new(outputTemplate, CultureInfo.InvariantCulture);
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public void Emit(LogEvent logEvent)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            _formatter.Format(logEvent, writer);
            lock (_lines)
            {
                _lines.Add(writer.ToString());
            }
        }
    }
}
