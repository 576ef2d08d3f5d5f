using System.Diagnostics;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary>What a failure leaves on the request's span.</summary>
public sealed class TracingTests
{
    private static ActivityListener ListenToAspNetCore()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static async Task<string> TraceIdOfBodyAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("traceId").GetString()!;
    }

    [Fact]
    public async Task UnhandledException_WithActivityListener_SpanHasErrorStatusExceptionEventAndErrorType()
    {
        using var listener = ListenToAspNetCore();
        Activity? activity = null;
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/fail", string () =>
        {
            activity = Activity.Current;
            return Throwers.ThrowSentinelFromDeepInside();
        }));

        var response = await app.GetTestClient().GetAsync("/fail");

        Assert.NotNull(activity);
        Assert.Equal(activity.Id, await TraceIdOfBodyAsync(response));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(SentinelSecretException).FullName, activity.GetTagItem("error.type"));
        var exceptionEvent = Assert.Single(activity.Events);
        Assert.Equal("exception", exceptionEvent.Name);
        var tags = exceptionEvent.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(typeof(SentinelSecretException).FullName, tags["exception.type"]);
        Assert.Equal(Throwers.Message, tags["exception.message"]);
        Assert.Contains(nameof(Throwers.ThrowSentinelFromDeepInside), (string)tags["exception.stacktrace"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MappedClientError_WithActivityListener_SpanIsStillAnError()
    {
        using var listener = ListenToAspNetCore();
        Activity? activity = null;
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/orders/{id}", string (int id) =>
            {
                activity = Activity.Current;
                throw new KeyNotFoundException($"Order {id} does not exist.");
            }),
            builder => builder.Services.AddGlobalErrorHandler(o => o.Map<KeyNotFoundException>(StatusCodes.Status404NotFound)));

        var response = await app.GetTestClient().GetAsync("/orders/7");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.NotNull(activity);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.Collections.Generic.KeyNotFoundException", activity.GetTagItem("error.type"));
        Assert.Equal("exception", Assert.Single(activity.Events).Name);
    }

    [Fact]
    public async Task ResponseStarted_WithActivityListener_SpanHasErrorStatusAndErrorType()
    {
        using var listener = ListenToAspNetCore();
        Activity? activity = null;
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/stream", async (HttpContext context) =>
        {
            activity = Activity.Current;
            await context.Response.WriteAsync("partial");
            await context.Response.Body.FlushAsync();
            throw new InvalidOperationException("half-way");
        }));

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var response = await app.GetTestClient().GetAsync("/stream");
            await response.Content.ReadAsStringAsync();
        });

        Assert.NotNull(activity);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.InvalidOperationException", activity.GetTagItem("error.type"));
        Assert.Equal("exception", Assert.Single(activity.Events).Name);
    }

    [Fact]
    public async Task HandlerFailure_WithActivityListener_SpanHasBothExceptionsAndTheOriginalErrorType()
    {
        using var listener = ListenToAspNetCore();
        Activity? activity = null;
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () =>
            {
                activity = Activity.Current;
                throw new InvalidOperationException("original");
            }),
            builder => builder.Services.AddGlobalErrorHandler(o => o.CustomizeProblemDetails = _ => throw new NotSupportedException("callback")));

        var response = await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(500, (int)response.StatusCode);
        Assert.NotNull(activity);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.InvalidOperationException", activity.GetTagItem("error.type"));
        Assert.Equal(
            ["System.InvalidOperationException", "System.NotSupportedException"],
            activity.Events.Select(e => e.Tags.Single(t => t.Key == "exception.type").Value));
    }

    [Fact]
    public async Task RepeatedFailure_ErrorStormModeWithActivityListener_OnlyTheFirstSpanGetsTheStackAndEveryOneTheFingerprint()
    {
        using var listener = ListenToAspNetCore();
        var activities = new SynchronizedCollection<Activity>();
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/orders/{id}", string (int id) =>
            {
                activities.Add(Activity.Current!);
                return StormThrowers.ThrowFromOrders();
            }),
            builder => builder.Services.AddGlobalErrorHandler(o => o.ErrorStormWindow = TimeSpan.FromMinutes(10)));
        var client = app.GetTestClient();

        for (var i = 1; i <= 3; i++)
        {
            await client.GetAsync($"/orders/{i}");
        }

        var spans = activities.Snapshot();
        Assert.Equal(3, spans.Length);
        Assert.All(spans, span => Assert.Equal(ActivityStatusCode.Error, span.Status));
        Assert.All(spans, span => Assert.Equal("System.InvalidOperationException", span.GetTagItem("error.type")));
        var events = spans.Select(span => Assert.Single(span.Events)).ToArray();
        Assert.All(events, e => Assert.Equal("exception", e.Name));
        var tags = events.Select(e => e.Tags.ToDictionary(t => t.Key, t => t.Value)).ToArray();
        Assert.Contains(nameof(StormThrowers.ThrowFromOrders), (string)tags[0]["exception.stacktrace"]!, StringComparison.Ordinal);
        Assert.False(tags[1].ContainsKey("exception.stacktrace"));
        Assert.False(tags[2].ContainsKey("exception.stacktrace"));
        Assert.All(tags, t => Assert.Equal("System.InvalidOperationException", t["exception.type"]));
        Assert.All(tags, t => Assert.Equal("orders failed", t["exception.message"]));
        var fingerprint = Assert.IsType<string>(tags[0]["errorhandling.exception.fingerprint"]);
        Assert.Matches("^[0-9a-f]{16}$", fingerprint);
        Assert.All(tags, t => Assert.Equal(fingerprint, t["errorhandling.exception.fingerprint"]));
        Assert.Equal([1L, 2L, 3L], tags.Select(t => t["errorhandling.exception.occurrence_count"]));
    }

    [Fact]
    public async Task ExceptionWhoseToStringThrows_WithActivityListener_SpanStillGetsAnExceptionEventWithoutTheStack()
    {
        using var listener = ListenToAspNetCore();
        Activity? activity = null;
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/fail", string () =>
        {
            activity = Activity.Current;
            throw new HostileExceptions.ToStringThrowsException();
        }));

        var response = await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(500, (int)response.StatusCode);
        Assert.NotNull(activity);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        var exceptionEvent = Assert.Single(activity.Events);
        Assert.Equal("exception", exceptionEvent.Name);
        var tags = exceptionEvent.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(typeof(HostileExceptions.ToStringThrowsException).FullName, tags["exception.type"]);
        Assert.Equal("SENTINEL-TOSTRING", tags["exception.message"]);
        Assert.False(tags.ContainsKey("exception.stacktrace"));
    }

    [Fact]
    public async Task UnhandledException_WithOpenTelemetryAspNetCoreInstrumentation_ExportsOneErrorServerSpanWithTheExceptionEvent()
    {
        var exported = new SynchronizedCollection<Activity>();
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/orders/{id}", string (int id) => throw new InvalidOperationException($"Order {id} is corrupt.")),
            builder => builder.Services.AddOpenTelemetry().WithTracing(t => t.AddAspNetCoreInstrumentation().AddInMemoryExporter(exported)));

        var response = await app.GetTestClient().GetAsync("/orders/42");
        var traceId = ActivityTraceId.CreateFromString((await TraceIdOfBodyAsync(response)).AsSpan(3, 32));

        // The server span is exported when the host ends the request, just after the client has the response;
        // the tracer provider also sees the requests of tests running in parallel, hence the trace id filter.
        Activity[] spans = [];
        for (var wait = Stopwatch.StartNew(); spans.Length == 0 && wait.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(10))
        {
            spans = [.. exported.Snapshot().Where(a => a.TraceId == traceId)];
        }

        var span = Assert.Single(spans);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(500, span.GetTagItem("http.response.status_code"));
        Assert.Equal("System.InvalidOperationException", span.GetTagItem("error.type"));
        var exceptionEvent = Assert.Single(span.Events);
        Assert.Equal("exception", exceptionEvent.Name);
        var tags = exceptionEvent.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("System.InvalidOperationException", tags["exception.type"]);
        Assert.Equal("Order 42 is corrupt.", tags["exception.message"]);
        Assert.StartsWith("System.InvalidOperationException: Order 42 is corrupt.", (string)tags["exception.stacktrace"]!, StringComparison.Ordinal);
    }
}
