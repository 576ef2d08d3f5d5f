using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.Serilog.Tests;

/// <summary>Error-storm mode through the integration: the completion events follow the handler's decision.</summary>
public sealed class ErrorStormTests
{
    [Fact]
    public async Task RepeatedFailure_ErrorStormMode_OnlyTheFirstCompletionEventCarriesTheExceptionAndAllCarryTheFingerprint()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapGet("/orders/{id}", string (int id) => StormThrowers.ThrowFromOrders()),
            builder => builder.Services.AddGlobalErrorHandler(o =>
            {
                o.LogFailedRequests = false;
                o.ErrorStormWindow = TimeSpan.FromMinutes(10);
            }));
        var client = app.GetTestClient();

        for (var i = 1; i <= 3; i++)
        {
            await client.GetAsync($"/orders/{i}");
        }

        var events = sink.Events;
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.True(e.IsRequestCompletion()));
        Assert.Contains(nameof(StormThrowers.ThrowFromOrders), Assert.IsType<InvalidOperationException>(events[0].Exception).StackTrace, StringComparison.Ordinal);
        Assert.Null(events[1].Exception);
        Assert.Null(events[2].Exception);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Scalar("OccurrenceCount")));
        var fingerprint = Assert.IsType<string>(events[0].Scalar("ExceptionFingerprint"));
        Assert.Matches("^[0-9a-f]{16}$", fingerprint);
        Assert.All(events, e => Assert.Equal(fingerprint, e.Scalar("ExceptionFingerprint")));
        Assert.All(events, e => Assert.Equal("System.InvalidOperationException", e.Scalar("ExceptionType")));
        Assert.All(events, e => Assert.Equal(500, e.Scalar("StatusCode")));
    }

    [Fact]
    public async Task RepeatedFailure_ErrorStormModeOff_EveryCompletionEventCarriesTheExceptionAndNoFingerprint()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapGet("/orders/{id}", string (int id) => StormThrowers.ThrowFromOrders()),
            builder => builder.Services.AddGlobalErrorHandler(o => o.LogFailedRequests = false));
        var client = app.GetTestClient();

        await client.GetAsync("/orders/1");
        await client.GetAsync("/orders/2");

        Assert.All(sink.Events, e => Assert.IsType<InvalidOperationException>(e.Exception));
        Assert.All(sink.Events, e => Assert.False(e.Properties.ContainsKey("ExceptionFingerprint")));
        Assert.All(sink.Events, e => Assert.False(e.Properties.ContainsKey("OccurrenceCount")));
    }

    [Fact]
    public async Task RepeatedFailure_PastTheEventsPerWindow_HandlerEventsFollowTheCapAndCompletionEventsTheSameDecision()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapGet("/orders/{id}", string (int id) => StormThrowers.ThrowFromOrders()),
            builder => builder.Services.AddGlobalErrorHandler(o =>
            {
                o.ErrorStormWindow = TimeSpan.FromMinutes(10);
                o.ErrorStormEventsPerWindow = 1;
            }));
        var client = app.GetTestClient();
        for (var i = 1; i <= 3; i++)
        {
            await client.GetAsync($"/orders/{i}");
        }

        await app.StopAsync();

        var handler = sink.Events.Where(e => e.IsFromHandler()).ToArray();
        Assert.Equal([1, 5], handler.Select(e => e.EventId()));
        Assert.IsType<InvalidOperationException>(handler[0].Exception);
        Assert.Equal(2L, handler[1].Scalar("SuppressedCount"));
        Assert.Equal(handler[0].Scalar("ExceptionFingerprint"), handler[1].Scalar("Fingerprint"));
        var completions = sink.Events.Where(e => e.IsRequestCompletion()).ToArray();
        Assert.Equal(3, completions.Length);
        Assert.Equal([true, false, false], completions.Select(e => e.Exception is not null));
        Assert.Equal([1L, 2L, 3L], completions.Select(e => e.Scalar("OccurrenceCount")));
    }
}
