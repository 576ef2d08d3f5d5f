using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog;
using Serilog.Events;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary>The log event, observed through a real Serilog pipeline.</summary>
public sealed class LogEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 30, 15, 123, TimeSpan.Zero);

    private static async Task<(WebApplication App, InMemorySink Sink)> StartAsync(Action<WebApplication> mapEndpoints)
    {
        var sink = new InMemorySink();
        var app = await TestApp.StartWithHandlerAsync(mapEndpoints, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
            builder.Services.AddSerilog(
                new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger(),
                dispose: true);
        });
        return (app, sink);
    }

    private static LogEvent[] HandlerEvents(InMemorySink sink) =>
        [.. sink.Events.Where(e => e.Properties.TryGetValue("SourceContext", out var source)
                                   && source.ToString() == "\"ErrorHandling.AspNetCore.GlobalErrorHandler\"")];

    [Fact]
    public async Task FailedRequest_Logged_OneEventWithEveryContractProperty()
    {
        var (app, sink) = await StartAsync(app => app.MapPost("/orders/{id}", string () => Throwers.ThrowSentinelFromDeepInside()));
        await using var running = app;

        var response = await app.GetTestClient().PostAsync("/orders/42?page=2&token=abc123", null);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var logEvent = Assert.Single(HandlerEvents(sink));
        Assert.Equal(1, logEvent.EventId());
        Assert.Equal(LogEventLevel.Error, logEvent.Level);
        Assert.Equal("POST", logEvent.Scalar("RequestMethod"));
        Assert.Equal("/orders/42", logEvent.Scalar("RequestPath"));
        Assert.Equal("?page=2&token=***", logEvent.Scalar("QueryString"));
        Assert.Equal(500, logEvent.Scalar("StatusCode"));
        Assert.Equal(body.RootElement.GetProperty("traceId").GetString(), logEvent.Scalar("TraceId"));
        Assert.Equal(Now, logEvent.Scalar("Timestamp"));
        Assert.Equal(typeof(SentinelSecretException).FullName, logEvent.Scalar("ExceptionType"));
        var exception = Assert.IsType<SentinelSecretException>(logEvent.Exception);
        Assert.Contains(nameof(Throwers.ThrowSentinelFromDeepInside), exception.StackTrace, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedRequest_NoQuery_QueryStringIsEmpty()
    {
        var (app, sink) = await StartAsync(app => app.MapGet("/fail", string () => throw new InvalidOperationException("boom")));
        await using var running = app;

        await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(string.Empty, Assert.Single(HandlerEvents(sink)).Scalar("QueryString"));
    }

    [Fact]
    public async Task ManyFailures_EachLogged_ExactlyOneEventPerRequest()
    {
        var (app, sink) = await StartAsync(app => app.MapGet("/fail/{n}", string (int n) => throw new InvalidOperationException($"failure {n}")));
        await using var running = app;
        var client = app.GetTestClient();

        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync($"/fail/{i}");
        }

        var errors = sink.Events.Where(e => e.Level >= LogEventLevel.Error).ToArray();
        Assert.Equal(5, errors.Length);
        Assert.All(errors, e => Assert.Equal(1, e.EventId()));
        Assert.Equal(
            Enumerable.Range(0, 5).Select(i => $"/fail/{i}"),
            errors.Select(e => (string)e.Scalar("RequestPath")!).Order());
    }

    [Fact]
    public async Task BadHttpRequestException_Logged_AtInformationWithItsStatus()
    {
        var (app, sink) = await StartAsync(app => app.MapGet("/bad", string () => throw new BadHttpRequestException("bad", 400)));
        await using var running = app;

        await app.GetTestClient().GetAsync("/bad");

        var logEvent = Assert.Single(HandlerEvents(sink));
        Assert.Equal(LogEventLevel.Information, logEvent.Level);
        Assert.Equal(400, logEvent.Scalar("StatusCode"));
        Assert.Equal(1, logEvent.EventId());
    }

    [Fact]
    public async Task SuccessfulRequest_HandlerInPipeline_LogsNothing()
    {
        var (app, sink) = await StartAsync(app => app.MapGet("/ok", () => "fine"));
        await using var running = app;

        await app.GetTestClient().GetAsync("/ok");

        Assert.Empty(HandlerEvents(sink));
    }
}
