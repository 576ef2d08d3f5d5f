using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>
/// <see cref="GlobalErrorHandlerOptions.ErrorStormEventsPerWindow"/> on real Kestrel under concurrent failures
/// from 64 clients, with windows short enough to close many times during the run: the events written and the
/// summaries' suppressed counts add up to the failures exactly, as the real formatters render them.
/// </summary>
[Collection(LoadTestGroup.Name)]
public sealed class ErrorStormLoadTests
{
    private const int Clients = 64;
    private const int Failures = 3_000;
    private const string Category = "ErrorHandling.AspNetCore.GlobalErrorHandler";

    private static readonly string[] Paths = ["/orders/1", "/payments", "/invoices"];

    private static Task<WebApplication> StartAsync(Action<WebApplicationBuilder> configureLogging) =>
        TestApp.StartWithHandlerAsync(
            app =>
            {
                app.MapGet("/orders/{id}", string (int id) => StormThrowers.ThrowFromOrders());
                app.MapGet("/payments", string () => StormThrowers.ThrowFromPayments());
                app.MapGet("/invoices", string () => StormThrowers.ThrowFromInvoices());
            },
            builder =>
            {
                configureLogging(builder);
                builder.Services.AddGlobalErrorHandler(o =>
                {
                    o.ErrorStormWindow = TimeSpan.FromMilliseconds(20);
                    o.ErrorStormEventsPerWindow = 3;
                });
            },
            kestrel: true);

    private static async Task FailConcurrentlyAsync(WebApplication app)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients })
        {
            BaseAddress = app.KestrelAddress(),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Failures)
            {
                using var response = await client.GetAsync(Paths[i % Paths.Length]);
                Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            }
        })));

        // The server drains, then every open window writes its summary.
        await app.StopAsync();
    }

    private static long Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetInt64() : long.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task RepeatedFailures_64ClientsOnKestrelJsonConsole_EventsPlusSuppressedCountsEqualTheFailures()
    {
        FormattedLogProvider console = null!;
        await using var app = await StartAsync(builder => console = FormattedLogProvider.AddJsonConsole(builder));

        await FailConcurrentlyAsync(app);

        var lines = console.Lines
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.GetProperty("Category").GetString() == Category)
            .ToArray();
        var events = lines.Count(line => line.GetProperty("EventId").GetInt32() == 1);
        var summaries = lines.Where(line => line.GetProperty("EventId").GetInt32() == 5).Select(line => line.GetProperty("State")).ToArray();
        var suppressed = summaries.Sum(state => Number(state.GetProperty("SuppressedCount")));
        Assert.NotEmpty(summaries);
        Assert.Equal(Failures, events + suppressed);
        Assert.All(summaries, state =>
        {
            var sample = state.GetProperty("SampleTraceIds").GetString()!.Split(',');
            Assert.InRange(sample.Length, 1, Math.Min(5, Number(state.GetProperty("SuppressedCount"))));
            Assert.All(sample, id => Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", id));
        });
    }

    [Fact]
    public async Task RepeatedFailures_64ClientsOnKestrelSerilogCompactJson_EventsPlusSuppressedCountsEqualTheFailures()
    {
        var sink = new CompactJsonLines();
        await using var app = await StartAsync(builder => builder.Services.AddSerilog(
            new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger(), dispose: true));

        await FailConcurrentlyAsync(app);

        var lines = sink.Lines
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.TryGetProperty("SourceContext", out var source) && source.GetString() == Category)
            .ToArray();
        var events = lines.Count(line => line.GetProperty("EventId").GetProperty("Id").GetInt32() == 1);
        var summaries = lines.Where(line => line.GetProperty("EventId").GetProperty("Id").GetInt32() == 5).ToArray();
        Assert.NotEmpty(summaries);
        Assert.Equal(Failures, events + summaries.Sum(line => line.GetProperty("SuppressedCount").GetInt64()));
        Assert.All(summaries, line => Assert.InRange(line.GetProperty("SampleTraceIds").GetArrayLength(), 1, 5));
    }

    private sealed class CompactJsonLines : ILogEventSink
    {
        private readonly CompactJsonFormatter _formatter = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public void Emit(LogEvent logEvent)
        {
            using var writer = new StringWriter();
            _formatter.Format(logEvent, writer);
            _lines.Enqueue(writer.ToString());
        }
    }
}
