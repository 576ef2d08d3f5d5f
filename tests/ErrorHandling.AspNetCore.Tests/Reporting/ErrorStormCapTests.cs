using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary>
/// <see cref="GlobalErrorHandlerOptions.ErrorStormEventsPerWindow"/> through a real host: the events kept, the
/// <c>ErrorStormSummary</c> event on the timer and at shutdown, and every other report of every failure.
/// </summary>
public sealed class ErrorStormCapTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 15, 30, 250, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private static async Task<(WebApplication App, FakeTimeProvider Time)> StartAsync(
        int eventsPerWindow, Action<WebApplicationBuilder>? configure = null)
    {
        var time = new FakeTimeProvider(Now);
        var app = await TestApp.StartWithHandlerAsync(
            app =>
            {
                app.MapGet("/orders/{id}", string (int id) => StormThrowers.ThrowFromOrders());
                app.MapGet("/payments", string () => StormThrowers.ThrowFromPayments());
                app.MapGet("/distinct/{inner}/{depth}", string (int inner, int depth) => DistinctThrowers.Throw(inner, depth));
            },
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(time);
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
                builder.Services.AddGlobalErrorHandler(o =>
                {
                    o.ErrorStormWindow = Window;
                    o.ErrorStormEventsPerWindow = eventsPerWindow;
                });
                configure?.Invoke(builder);
            });
        return (app, time);
    }

    private static FakeLogRecord[] Events(WebApplication app, int eventId) =>
        [.. HandlerLog.Records(app.Services).Where(r => r.Id.Id == eventId)];

    private static Dictionary<string, string?> State(FakeLogRecord record) =>
        record.StructuredState!.ToDictionary(p => p.Key, p => p.Value);

    private static async Task<string> TraceIdOfAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("traceId").GetString()!;
    }

    private static string Text(DateTimeOffset value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task RepeatedFailure_PastTheCap_OnlyTheFirstEventsAreWrittenAndTheTimerWritesTheSummary()
    {
        var (app, time) = await StartAsync(eventsPerWindow: 2);
        await using var _ = app;
        var client = app.GetTestClient();
        var traceIds = new List<string>();
        for (var i = 1; i <= 10; i++)
        {
            traceIds.Add(await TraceIdOfAsync(await client.GetAsync($"/orders/{i}")));
        }

        var kept = Events(app, 1);
        Assert.Equal(2, kept.Length);
        Assert.Empty(Events(app, 5));

        time.Advance(Window);

        var summary = Assert.Single(Events(app, 5));
        var state = State(summary);
        Assert.Equal("ErrorStormSummary", summary.Id.Name);
        Assert.Equal(LogLevel.Error, summary.Level);
        Assert.Null(summary.Exception);
        Assert.Equal("System.InvalidOperationException", state["ExceptionType"]);
        Assert.Equal(State(kept[0])["ExceptionFingerprint"], state["Fingerprint"]);
        Assert.Equal("500", state["StatusCode"]);
        Assert.Equal("8", state["SuppressedCount"]);
        Assert.Equal(Text(Now), state["WindowStart"]);
        Assert.Equal(Text(Now + Window), state["WindowEnd"]);
        Assert.StartsWith(
            $"8 more failures with System.InvalidOperationException (fingerprint {state["Fingerprint"]}, status 500) got no event of their own between {Text(Now)} and {Text(Now + Window)}. Sample trace ids: ",
            summary.Message,
            StringComparison.Ordinal);
        Assert.Equal(traceIds[2..7], traceIds.Where(id => summary.Message.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RepeatedFailure_WindowClosedAndNoFurtherTraffic_SummaryWrittenOnceAndNextWindowStartsFresh()
    {
        var (app, time) = await StartAsync(eventsPerWindow: 1);
        await using var _ = app;
        var client = app.GetTestClient();
        await client.GetAsync("/orders/1");
        await client.GetAsync("/orders/2");

        time.Advance(Window);
        time.Advance(Window);
        await client.GetAsync("/orders/3");

        Assert.Equal("1", State(Assert.Single(Events(app, 5)))["SuppressedCount"]);
        Assert.Equal(2, Events(app, 1).Length);
        Assert.NotNull(Events(app, 1)[1].Exception);
    }

    [Fact]
    public async Task RepeatedFailures_HostStops_EveryOpenWindowWritesItsSummary()
    {
        var (app, time) = await StartAsync(eventsPerWindow: 1);
        await using var _ = app;
        var client = app.GetTestClient();
        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync("/orders/1");
            await client.GetAsync("/payments");
        }

        await client.GetAsync("/payments");
        time.Advance(TimeSpan.FromSeconds(4));

        await app.StopAsync();

        var summaries = Events(app, 5).Select(State).OrderBy(s => s["SuppressedCount"]).ToArray();
        Assert.Equal(["2", "3"], summaries.Select(s => s["SuppressedCount"]));
        Assert.All(summaries, s => Assert.Equal(Text(Now + TimeSpan.FromSeconds(4)), s["WindowEnd"]));
        Assert.Equal(2, Events(app, 1).Length);
    }

    [Fact]
    public async Task RepeatedFailure_PastTheCap_ObserversSeeEveryFailureAndWhichEventWasSuppressed()
    {
        var observer = new RecordingObserver();
        var (app, _) = await StartAsync(eventsPerWindow: 2, b => b.Services.AddSingleton<IRequestFailureObserver>(observer));
        await using var __ = app;
        var client = app.GetTestClient();
        for (var i = 1; i <= 4; i++)
        {
            await client.GetAsync($"/orders/{i}");
        }

        Assert.Equal([false, false, true, true], observer.Failures.Select(f => f.IsLogSuppressed));
        Assert.Equal([true, false, false, false], observer.Failures.Select(f => f.AttachesException));
        Assert.Equal([1L, 2L, 3L, 4L], observer.Failures.Select(f => f.OccurrenceCount));
    }

    [Fact]
    public async Task RepeatedFailure_CapOff_ObserversSeeNoSuppression()
    {
        var observer = new RecordingObserver();
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/orders/{id}", string (int id) => StormThrowers.ThrowFromOrders()),
            builder =>
            {
                builder.Services.AddSingleton<IRequestFailureObserver>(observer);
                builder.Logging.AddFakeLogging();
                builder.Services.AddGlobalErrorHandler(o => o.ErrorStormWindow = Window);
            });
        var client = app.GetTestClient();
        for (var i = 1; i <= 3; i++)
        {
            await client.GetAsync($"/orders/{i}");
        }

        Assert.All(observer.Failures, f => Assert.False(f.IsLogSuppressed));
        Assert.Equal(3, Events(app, 1).Length);
    }

    [Fact]
    public async Task RepeatedFailure_PastTheCap_EveryFailureIsCounted()
    {
        var (app, _) = await StartAsync(eventsPerWindow: 1);
        await using var __ = app;
        using var collector = new MetricCollector<long>(
            app.Services.GetRequiredService<IMeterFactory>(), "ErrorHandling.AspNetCore", "errorhandling.exceptions");
        var client = app.GetTestClient();
        for (var i = 1; i <= 5; i++)
        {
            await client.GetAsync($"/orders/{i}");
        }

        Assert.Equal(5, collector.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Single(Events(app, 1));
    }

    [Fact]
    public async Task RepeatedFailure_PastTheCapWithActivityListener_EverySpanIsMarkedAndTheSuppressedOnesSaySo()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var activities = new SynchronizedCollection<Activity>();
        var (app, _) = await StartAsync(eventsPerWindow: 1, b => b.Services.AddSingleton<IRequestFailureObserver>(new ActivityRecorder(activities)));
        await using var __ = app;
        var client = app.GetTestClient();
        for (var i = 1; i <= 3; i++)
        {
            await client.GetAsync($"/orders/{i}");
        }

        var spans = activities.Snapshot();
        Assert.Equal(3, spans.Length);
        Assert.All(spans, span => Assert.Equal(ActivityStatusCode.Error, span.Status));
        Assert.All(spans, span => Assert.Equal("System.InvalidOperationException", span.GetTagItem("error.type")));
        var tags = spans.Select(span => Assert.Single(span.Events).Tags.ToDictionary(t => t.Key, t => t.Value)).ToArray();
        Assert.True(tags[0].ContainsKey("exception.stacktrace"));
        Assert.Equal([null, true, true], tags.Select(t => t.GetValueOrDefault("errorhandling.exception.log_suppressed")));
        Assert.Equal([1L, 2L, 3L], tags.Select(t => t["errorhandling.exception.occurrence_count"]));
    }

    [Fact]
    public async Task DistinctFingerprints_MoreThanTheTableHolds_TheBoundHoldsAndTheRestAreLoggedInFull()
    {
        const int Fingerprints = GlobalErrorHandlerOptions.MaxErrorStormFingerprints + 76;
        var (app, _) = await StartAsync(eventsPerWindow: 1);
        await using var __ = app;
        var client = app.GetTestClient();
        for (var i = 0; i < Fingerprints; i++)
        {
            var path = $"/distinct/{i % DistinctThrowers.InnerKinds}/{i / DistinctThrowers.InnerKinds}";
            await client.GetAsync(path);
            await client.GetAsync(path);
        }

        await app.StopAsync();

        var kept = Events(app, 1);
        var summaries = Events(app, 5);
        Assert.Equal(GlobalErrorHandlerOptions.MaxErrorStormFingerprints, summaries.Length);
        Assert.All(summaries, s => Assert.Equal("1", State(s)["SuppressedCount"]));
        Assert.Equal(GlobalErrorHandlerOptions.MaxErrorStormFingerprints + (76 * 2), kept.Length);
        Assert.All(kept, e => Assert.NotNull(e.Exception));
        Assert.Equal(Fingerprints * 2, kept.Length + summaries.Length);
    }

    private sealed class RecordingObserver : IRequestFailureObserver
    {
        private readonly List<RequestFailure> _failures = [];

        public RequestFailure[] Failures
        {
            get
            {
                lock (_failures)
                {
                    return [.. _failures];
                }
            }
        }

        public void OnRequestFailed(RequestFailure failure)
        {
            lock (_failures)
            {
                _failures.Add(failure);
            }
        }
    }

    // Observers run after the activity is marked: the span is recorded once its failure is.
    private sealed class ActivityRecorder(SynchronizedCollection<Activity> activities) : IRequestFailureObserver
    {
        public void OnRequestFailed(RequestFailure failure) => activities.Add(Activity.Current!);
    }

    /// <summary>Throw sites that differ in their inner exception's type and their depth: hundreds of fingerprints.</summary>
    private static class DistinctThrowers
    {
        private static readonly Func<Exception>[] Inners =
        [
            () => new ArgumentException(), () => new ArgumentNullException(), () => new ArgumentOutOfRangeException(),
            () => new ArithmeticException(), () => new DivideByZeroException(), () => new OverflowException(),
            () => new FormatException(), () => new System.Security.SecurityException(), () => new InvalidCastException(),
            () => new InvalidOperationException(), () => new ObjectDisposedException("x"), () => new NotImplementedException(),
            () => new NotSupportedException(), () => new System.Text.DecoderFallbackException(), () => new RankException(),
            () => new TimeoutException(), () => new KeyNotFoundException(), () => new IOException(),
            () => new FileNotFoundException(), () => new DirectoryNotFoundException(), () => new PathTooLongException(),
            () => new EndOfStreamException(), () => new UnauthorizedAccessException(), () => new PlatformNotSupportedException(),
            () => new InvalidDataException(),
        ];

        public static int InnerKinds => Inners.Length;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string Throw(int inner, int depth)
        {
            if (depth == 0)
            {
                throw new InvalidOperationException("distinct", Inners[inner]());
            }

            // Not a tail call, so that every level keeps its frame.
            var result = Throw(inner, depth - 1);
            GC.KeepAlive(result);
            return result;
        }
    }
}
