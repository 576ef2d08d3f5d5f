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

/// <summary>Error-storm mode, observed through a real Serilog pipeline.</summary>
public sealed class ErrorStormTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 30, 15, 123, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private static async Task<(WebApplication App, InMemorySink Sink, FakeTimeProvider Time)> StartAsync(TimeSpan? window)
    {
        var sink = new InMemorySink();
        var time = new FakeTimeProvider(Now);
        var app = await TestApp.StartWithHandlerAsync(
            app =>
            {
                app.MapGet("/orders/{id}", string (int id) => StormThrowers.ThrowFromOrders());
                app.MapGet("/payments", string () => StormThrowers.ThrowFromPayments());
            },
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(time);
                builder.Services.AddSerilog(
                    new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger(),
                    dispose: true);
                builder.Services.Configure<GlobalErrorHandlerOptions>(o => o.ErrorStormWindow = window);
            });
        return (app, sink, time);
    }

    private static LogEvent[] HandlerEvents(InMemorySink sink) =>
        [.. sink.Events.Where(e => e.Properties.TryGetValue("SourceContext", out var source)
                                   && source.ToString() == "\"ErrorHandling.AspNetCore.GlobalErrorHandler\"")];

    [Fact]
    public async Task RepeatedFailure_WithinTheWindow_OneEventEachAndOnlyTheFirstCarriesTheException()
    {
        var (app, sink, _) = await StartAsync(Window);
        await using var _ = app;
        var client = app.GetTestClient();
        var traceIds = new List<string>();

        for (var i = 1; i <= 5; i++)
        {
            var response = await client.GetAsync($"/orders/{i}?token=secret{i}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            traceIds.Add(body.RootElement.GetProperty("traceId").GetString()!);
        }

        var events = HandlerEvents(sink);
        Assert.Equal(5, events.Length);
        var first = events[0];
        var exception = Assert.IsType<InvalidOperationException>(first.Exception);
        Assert.Contains(nameof(StormThrowers.ThrowFromOrders), exception.StackTrace, StringComparison.Ordinal);
        Assert.All(events.Skip(1), e => Assert.Null(e.Exception));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], events.Select(e => e.Scalar("OccurrenceCount")));
        var fingerprint = Assert.IsType<string>(first.Scalar("ExceptionFingerprint"));
        Assert.Matches("^[0-9a-f]{16}$", fingerprint);
        for (var i = 0; i < events.Length; i++)
        {
            var logEvent = events[i];
            Assert.Equal(1, logEvent.EventId());
            Assert.Equal(LogEventLevel.Error, logEvent.Level);
            Assert.Equal(fingerprint, logEvent.Scalar("ExceptionFingerprint"));
            Assert.Equal("GET", logEvent.Scalar("RequestMethod"));
            Assert.Equal($"/orders/{i + 1}", logEvent.Scalar("RequestPath"));
            Assert.Equal($"?token=***", logEvent.Scalar("QueryString"));
            Assert.Equal(500, logEvent.Scalar("StatusCode"));
            Assert.Equal(traceIds[i], logEvent.Scalar("TraceId"));
            Assert.Equal(Now, logEvent.Scalar("Timestamp"));
            Assert.Equal(typeof(InvalidOperationException).FullName, logEvent.Scalar("ExceptionType"));
        }
    }

    [Fact]
    public async Task RepeatedFailure_WithinTheWindow_EventNameStaysUnhandledException()
    {
        var (app, sink, _) = await StartAsync(Window);
        await using var _ = app;
        var client = app.GetTestClient();

        await client.GetAsync("/payments");
        await client.GetAsync("/payments");

        Assert.All(HandlerEvents(sink), e => Assert.Equal(
            "\"UnhandledException\"",
            ((StructureValue)e.Properties["EventId"]).Properties.Single(p => p.Name == "Name").Value.ToString()));
    }

    [Fact]
    public async Task TwoThrowSites_Interleaved_EachKeepsItsStackOncePerWindow()
    {
        var (app, sink, _) = await StartAsync(Window);
        await using var _ = app;
        var client = app.GetTestClient();

        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync("/orders/1");
            await client.GetAsync("/payments");
        }

        var events = HandlerEvents(sink);
        Assert.Equal(6, events.Length);
        var orders = events.Where(e => (string?)e.Scalar("RequestPath") == "/orders/1").ToArray();
        var payments = events.Where(e => (string?)e.Scalar("RequestPath") == "/payments").ToArray();
        Assert.Contains(nameof(StormThrowers.ThrowFromOrders), Assert.Single(orders, e => e.Exception is not null).Exception!.StackTrace, StringComparison.Ordinal);
        Assert.Contains(nameof(StormThrowers.ThrowFromPayments), Assert.Single(payments, e => e.Exception is not null).Exception!.StackTrace, StringComparison.Ordinal);
        Assert.Equal([1L, 2L, 3L], orders.Select(e => e.Scalar("OccurrenceCount")));
        Assert.Equal([1L, 2L, 3L], payments.Select(e => e.Scalar("OccurrenceCount")));
        Assert.NotEqual(orders[0].Scalar("ExceptionFingerprint"), payments[0].Scalar("ExceptionFingerprint"));
    }

    [Fact]
    public async Task RepeatedFailure_AfterTheWindowPassed_CarriesTheExceptionAgain()
    {
        var (app, sink, time) = await StartAsync(Window);
        await using var _ = app;
        var client = app.GetTestClient();

        await client.GetAsync("/orders/1");
        await client.GetAsync("/orders/1");
        time.Advance(Window - TimeSpan.FromTicks(1));
        await client.GetAsync("/orders/1");
        time.Advance(TimeSpan.FromTicks(1));
        await client.GetAsync("/orders/1");
        await client.GetAsync("/orders/1");

        var events = HandlerEvents(sink);
        Assert.Equal([1L, 2L, 3L, 1L, 2L], events.Select(e => e.Scalar("OccurrenceCount")));
        Assert.Equal([true, false, false, true, false], events.Select(e => e.Exception is not null));
        Assert.Contains(nameof(StormThrowers.ThrowFromOrders), events[3].Exception!.StackTrace, StringComparison.Ordinal);
        Assert.Single(events.Select(e => e.Scalar("ExceptionFingerprint")).Distinct());
    }

    [Fact]
    public async Task RepeatedFailure_ModeOff_EveryEventCarriesTheExceptionAndNoStormProperties()
    {
        var (app, sink, _) = await StartAsync(window: null);
        await using var _ = app;
        var client = app.GetTestClient();

        await client.GetAsync("/orders/1");
        await client.GetAsync("/orders/1");

        var events = HandlerEvents(sink);
        Assert.Equal(2, events.Length);
        Assert.All(events, e => Assert.IsType<InvalidOperationException>(e.Exception));
        Assert.All(events, e => Assert.False(e.Properties.ContainsKey("ExceptionFingerprint")));
        Assert.All(events, e => Assert.False(e.Properties.ContainsKey("OccurrenceCount")));
    }

    [Fact]
    public async Task BadRequestStorm_WithinTheWindow_KeepsItsLevelAndStatus()
    {
        var sink = new InMemorySink();
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/bad", string () => throw new BadHttpRequestException("bad", 400)),
            builder =>
            {
                builder.Services.AddSerilog(new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger(), dispose: true);
                builder.Services.Configure<GlobalErrorHandlerOptions>(o => o.ErrorStormWindow = Window);
            });
        var client = app.GetTestClient();

        await client.GetAsync("/bad");
        await client.GetAsync("/bad");

        var events = HandlerEvents(sink);
        Assert.Equal(2, events.Length);
        Assert.All(events, e => Assert.Equal(LogEventLevel.Information, e.Level));
        Assert.All(events, e => Assert.Equal(400, e.Scalar("StatusCode")));
        Assert.Null(events[1].Exception);
    }
}
