using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

public sealed class ErrorStormFilterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public void Repeats_WithinTheWindow_CountUpAndOnlyTheFirstAttaches()
    {
        var filter = new ErrorStormFilter(Window, new FakeTimeProvider());

        var occurrences = Enumerable.Range(0, 4)
            .Select(_ => filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders)))
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
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders));
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromPayments));

        var overflow = Enumerable.Range(0, 3)
            .Select(_ => filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromInvoices)))
            .ToArray();

        Assert.All(overflow, o => Assert.True(o.AttachesException));
        Assert.Equal(2, filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders)).Count);
    }

    [Fact]
    public void TableFull_AfterTheWindowPassed_MakesRoomForNewFingerprints()
    {
        var time = new FakeTimeProvider();
        var filter = new ErrorStormFilter(Window, time, capacity: 2);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders));
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromPayments));

        time.Advance(Window);
        var first = filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromInvoices));
        var second = filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromInvoices));

        Assert.True(first.AttachesException);
        Assert.Equal(2, second.Count);
        Assert.False(second.AttachesException);
    }

    [Fact]
    public void Window_Huge_DoesNotOverflow()
    {
        var time = new FakeTimeProvider();
        var filter = new ErrorStormFilter(TimeSpan.MaxValue, time);
        filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders));

        time.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(2, filter.Observe(StormThrowers.Capture(StormThrowers.ThrowFromOrders)).Count);
    }

    [Fact]
    public void Constructor_WindowNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ErrorStormFilter(TimeSpan.Zero, TimeProvider.System));
    }
}
