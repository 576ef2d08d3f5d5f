using System.Globalization;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ErrorHandling.AspNetCore.Tests.Redaction;

/// <summary>Sensitive query values and headers appear in no sink and no body.</summary>
public sealed class RedactionTests
{
    private const string Token = "SENTINEL-TOKEN-9d2e";
    private const string Bearer = "Bearer SENTINEL-BEARER-41aa";

    private static async Task<(WebApplication App, InMemorySink Sink, string Body)> FailAsync(string environment, bool logHeaders)
    {
        var sink = new InMemorySink();
        var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/orders", string () => throw new InvalidOperationException("boom")),
            builder =>
            {
                builder.Services.AddSerilog(
                    new LoggerConfiguration()
                        .MinimumLevel.Verbose()

                        // As the documentation recommends: the framework's own request logs carry the raw URL.
                        .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                        .Enrich.FromLogContext()
                        .WriteTo.Sink(sink)
                        .CreateLogger(),
                    dispose: true);
                builder.Services.AddGlobalErrorHandler(o =>
                {
                    o.LogRequestHeaders = logHeaders;
                    o.RedactedHeaders.Add("X-Tenant-*");
                });
            },
            environment);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders?page=2&access_token={Token}&Api_Key={Token}");
        request.Headers.TryAddWithoutValidation("Authorization", Bearer);
        request.Headers.TryAddWithoutValidation("Cookie", $"session={Token}");
        request.Headers.TryAddWithoutValidation("X-Tenant-Secret", Token);
        request.Headers.TryAddWithoutValidation("X-Trace-Tag", "req-7");
        var response = await app.GetTestClient().SendAsync(request);
        return (app, sink, await response.Content.ReadAsStringAsync());
    }

    private static string EverythingTheSinkSaw(InMemorySink sink)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var formatter = new CompactJsonFormatter();
        foreach (var logEvent in sink.Events)
        {
            formatter.Format(logEvent, writer);
            writer.Write(logEvent.RenderMessage(CultureInfo.InvariantCulture));
        }

        return writer.ToString();
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    [InlineData("Development", true)]
    public async Task SecretsInQueryAndHeaders_AnyEnvironment_AppearInNoSinkAndNoBody(string environment, bool logHeaders)
    {
        var (app, sink, body) = await FailAsync(environment, logHeaders);
        await using var running = app;

        var logs = EverythingTheSinkSaw(sink);

        Assert.DoesNotContain("SENTINEL", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SENTINEL", logs, StringComparison.Ordinal);
        Assert.Contains(sink.Events, e => e.IsFromHandler() && (string?)e.Scalar("QueryString") == "?page=2&access_token=***&Api_Key=***");
    }

    [Fact]
    public async Task DevelopmentBody_EchoesTheRequest_WithRedactedQueryAndHeaders()
    {
        var (app, _, body) = await FailAsync("Development", logHeaders: false);
        await using var running = app;

        using var json = JsonDocument.Parse(body);
        var request = json.RootElement.GetProperty("request");
        Assert.Equal("GET", request.GetProperty("method").GetString());
        Assert.Equal("/orders", request.GetProperty("path").GetString());
        Assert.Equal("?page=2&access_token=***&Api_Key=***", request.GetProperty("query").GetString());
        var headers = request.GetProperty("headers");
        Assert.Equal("***", headers.GetProperty("Authorization").GetString());
        Assert.Equal("***", headers.GetProperty("Cookie").GetString());
        Assert.Equal("***", headers.GetProperty("X-Tenant-Secret").GetString());
        Assert.Equal("req-7", headers.GetProperty("X-Trace-Tag").GetString());
    }

    [Theory]
    [InlineData("X-Auth-Token")]
    [InlineData("X-Access-Token")]
    [InlineData("X-CSRF-Token")]
    [InlineData("X-XSRF-TOKEN")]
    [InlineData("X-Amz-Security-Token")]
    [InlineData("X-Goog-Api-Key")]
    [InlineData("X-Client-Secret")]
    [InlineData("X-Hub-Signature-256")]
    [InlineData("X-Session-Id")]
    [InlineData("X-Upstream-Authorization")]
    public async Task DevelopmentBody_CommonCredentialHeader_IsRedactedByDefault(string header)
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            a => a.MapGet("/orders", string () => throw new InvalidOperationException("boom")),
            environment: "Development");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.TryAddWithoutValidation(header, Token);
        request.Headers.TryAddWithoutValidation("X-Trace-Tag", "req-7");

        var body = await (await app.GetTestClient().SendAsync(request)).Content.ReadAsStringAsync();

        using var json = JsonDocument.Parse(body);
        var headers = json.RootElement.GetProperty("request").GetProperty("headers");
        Assert.Equal("***", headers.GetProperty(header).GetString());
        Assert.Equal("req-7", headers.GetProperty("X-Trace-Tag").GetString());
        Assert.DoesNotContain(Token, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionBody_NeverEchoesTheRequest()
    {
        var (app, _, body) = await FailAsync("Production", logHeaders: true);
        await using var running = app;

        using var json = JsonDocument.Parse(body);
        Assert.False(json.RootElement.TryGetProperty("request", out _));
    }

    [Fact]
    public async Task LogRequestHeaders_On_EventCarriesRedactedHeaders()
    {
        var (app, sink, _) = await FailAsync("Production", logHeaders: true);
        await using var running = app;

        var logEvent = Assert.Single(sink.Events, e => e.IsFromHandler() && e.EventId() == 1);
        using var headers = JsonDocument.Parse(Assert.IsType<string>(logEvent.Scalar("RequestHeaders")));
        Assert.Equal("***", headers.RootElement.GetProperty("Authorization").GetString());
        Assert.Equal("***", headers.RootElement.GetProperty("X-Tenant-Secret").GetString());
        Assert.Equal("req-7", headers.RootElement.GetProperty("X-Trace-Tag").GetString());
    }

    [Fact]
    public async Task LogRequestHeaders_Off_EventCarriesNoHeaders()
    {
        var (app, sink, _) = await FailAsync("Production", logHeaders: false);
        await using var running = app;

        var logEvent = Assert.Single(sink.Events, e => e.IsFromHandler() && e.EventId() == 1);
        Assert.False(logEvent.Properties.ContainsKey("RequestHeaders"));
    }
}
