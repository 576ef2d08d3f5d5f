using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

public sealed class ErrorStormFilterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly FailedRequestFacts Facts = new("System.InvalidOperationException", 500, LogLevel.Error, "trace");

    private static FailedRequestFacts FactsFor(int request) => Facts with { TraceId = $"trace-{request}" };

    [Fact]
    public void Repeats_WithinTheWindow_CountUpAndOnlyTheFirstAttaches()
    {
        var filter = new ErrorStormFilter(Window, new FakeTimeProvider());

        var occurrences = Enumerable.Range(0, 4)
            .Select(_ => filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts))
            .ToArray();

        Assert.Equal([1L, 2L, 3L, 4L], occurrences.Select(o => o.Count));
        Assert.Equal([true, false, false, false], occurrences.Select(o => o.AttachesException));
        Assert.Single(occurrences.Select(o => o.Fingerprint).Distinct());
    }

    [Fact]
    public void TableFull_NewFingerprint_IsLoggedWithItsExceptionEveryTime()
    {
        var time = new FakeTimeProvider();
        var filter = new ErrorStormFilter(Window, time, capacity: 2);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromPayments), Facts);

        var overflow = Enumerable.Range(0, 3)
            .Select(_ => filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromInvoices), Facts))
            .ToArray();

        Assert.All(overflow, o => Assert.True(o.AttachesException));
        Assert.Equal(2, filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts).Count);
    }

    [Fact]
    public void TableFull_AfterTheWindowPassed_MakesRoomForNewFingerprints()
    {
        var time = new FakeTimeProvider();
        var filter = new ErrorStormFilter(Window, time, capacity: 2);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromPayments), Facts);

        time.Advance(Window);
        var first = filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromInvoices), Facts);
        var second = filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromInvoices), Facts);

        Assert.True(first.AttachesException);
        Assert.Equal(2, second.Count);
        Assert.False(second.AttachesException);
    }

    [Fact]
    public void Window_Huge_DoesNotOverflow()
    {
        var time = new FakeTimeProvider();
        var filter = new ErrorStormFilter(TimeSpan.MaxValue, time);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts);

        time.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(2, filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts).Count);
    }

    [Fact]
    public void Constructor_WindowNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ErrorStormFilter(TimeSpan.Zero, TimeProvider.System));
    }

    [Fact]
    public void Cap_PastTheEventsPerWindow_LaterRepeatsAreSuppressed()
    {
        var filter = new ErrorStormFilter(Window, new FakeTimeProvider(Start), eventsPerWindow: 2);

        var occurrences = Enumerable.Range(0, 5)
            .Select(_ => filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts))
            .ToArray();

        Assert.Equal([1L, 2L, 3L, 4L, 5L], occurrences.Select(o => o.Count));
        Assert.Equal([false, false, true, true, true], occurrences.Select(o => o.IsLogSuppressed));
    }

    [Fact]
    public void Cap_WindowOverWithoutTraffic_TimerWritesTheSummary()
    {
        var time = new FakeTimeProvider(Start);
        var summaries = new List<ErrorStormSummary>();
        var filter = new ErrorStormFilter(Window, time, eventsPerWindow: 1, writeSummary: summaries.Add);
        for (var i = 0; i < 8; i++)
        {
            filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), FactsFor(i));
        }

        time.Advance(Window - TimeSpan.FromTicks(1));
        Assert.Empty(summaries);
        time.Advance(TimeSpan.FromTicks(1));

        var summary = Assert.Single(summaries);
        Assert.Equal(7, summary.SuppressedCount);
        Assert.Equal(Start, summary.WindowStart);
        Assert.Equal(Start + Window, summary.WindowEnd);
        Assert.Equal(["trace-1", "trace-2", "trace-3", "trace-4", "trace-5"], summary.SampleTraceIds);
        Assert.Equal("trace-1,trace-2,trace-3,trace-4,trace-5", summary.SampleTraceIds.ToString());
        Assert.Equal(0, filter.TrackedCount);
    }

    [Fact]
    public void Cap_RepeatAfterTheWindowBeforeTheTimer_WritesTheSummaryOnceAndStartsAFreshWindow()
    {
        var time = new FakeTimeProvider(Start);
        var summaries = new List<ErrorStormSummary>();
        var filter = new ErrorStormFilter(TimeSpan.FromHours(3), time, eventsPerWindow: 1, writeSummary: summaries.Add);
        time.Advance(TimeSpan.FromMinutes(30));
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts);

        // The timer ticks hourly for a longer window: the repeat at 3:30, before the 4:00 tick, ends the window itself.
        time.Advance(TimeSpan.FromHours(2.5));
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.Empty(summaries);
        var fresh = filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts);
        time.Advance(TimeSpan.FromHours(1));

        Assert.True(fresh.AttachesException);
        Assert.Equal(1, Assert.Single(summaries).SuppressedCount);
    }

    [Fact]
    public void Cap_HostStops_EveryOpenWindowWritesItsSummaryEndingThen()
    {
        var time = new FakeTimeProvider(Start);
        var summaries = new List<ErrorStormSummary>();
        var filter = new ErrorStormFilter(Window, time, eventsPerWindow: 1, writeSummary: summaries.Add);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromPayments), Facts);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromPayments), Facts);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromPayments), Facts);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromInvoices), Facts);
        time.Advance(TimeSpan.FromSeconds(3));

        filter.Stop();

        Assert.Equal([1L, 2L], summaries.Select(s => s.SuppressedCount).Order());
        Assert.All(summaries, s => Assert.Equal(Start + TimeSpan.FromSeconds(3), s.WindowEnd));
        Assert.True(filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts) is { AttachesException: true, IsLogSuppressed: false });
    }

    [Fact]
    public void Cap_TableFull_NewFingerprintIsNeverSuppressed()
    {
        var filter = new ErrorStormFilter(Window, new FakeTimeProvider(Start), capacity: 2, eventsPerWindow: 1);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders), Facts);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromPayments), Facts);

        var overflow = Enumerable.Range(0, 3)
            .Select(_ => filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromInvoices), Facts))
            .ToArray();

        Assert.All(overflow, o => Assert.False(o.IsLogSuppressed));
        Assert.Equal(2, filter.TrackedCount);
    }
}
