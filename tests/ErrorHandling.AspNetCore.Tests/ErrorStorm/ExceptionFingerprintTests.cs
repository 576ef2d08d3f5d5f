using ErrorHandling.AspNetCore.Tests.Infrastructure;

namespace ErrorHandling.AspNetCore.Tests.ErrorStorm;

public sealed class ExceptionFingerprintTests
{
    [Fact]
    public void SameThrowSite_ThrownTwice_SameFingerprint()
    {
        var first = StormThrowers.Capture(StormThrowers.ThrowFromOrders);
        var second = StormThrowers.Capture(StormThrowers.ThrowFromOrders);

        Assert.NotSame(first, second);
        Assert.Equal(ExceptionFingerprint.Compute(first), ExceptionFingerprint.Compute(second));
    }

    [Fact]
    public void DifferentThrowSites_SameType_DifferentFingerprints()
    {
        var orders = StormThrowers.Capture(StormThrowers.ThrowFromOrders);
        var payments = StormThrowers.Capture(StormThrowers.ThrowFromPayments);

        Assert.NotEqual(ExceptionFingerprint.Compute(orders), ExceptionFingerprint.Compute(payments));
    }

    [Fact]
    public void SameThrowSite_DifferentCallers_DifferentFingerprints()
    {
        // int.Parse throws from inside the base library: only the frames above it tell the two
        // failures apart.
        var first = StormThrowers.Capture(() => int.Parse("x", System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var second = StormThrowers.Capture(() => int.Parse("y", System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotEqual(ExceptionFingerprint.Compute(first), ExceptionFingerprint.Compute(second));
    }

    [Fact]
    public void SameThrowSite_DifferentMessages_SameFingerprint()
    {
        var exceptions = Enumerable.Range(0, 2)
            .Select(i => StormThrowers.Capture(() => throw new InvalidOperationException($"message {i}")))
            .ToArray();

        Assert.Equal(ExceptionFingerprint.Compute(exceptions[0]), ExceptionFingerprint.Compute(exceptions[1]));
    }

    [Fact]
    public void DifferentInnerExceptionTypes_SameThrowSite_DifferentFingerprints()
    {
        var exceptions = new Exception[] { new FormatException(), new TimeoutException() }
            .Select(inner => StormThrowers.Capture(() => throw new InvalidOperationException("wrapped", inner)))
            .ToArray();

        Assert.NotEqual(ExceptionFingerprint.Compute(exceptions[0]), ExceptionFingerprint.Compute(exceptions[1]));
    }

    [Fact]
    public void NeverThrown_NoStack_FingerprintsByType()
    {
        Assert.Equal(
            ExceptionFingerprint.Compute(new InvalidOperationException("a")),
            ExceptionFingerprint.Compute(new InvalidOperationException("b")));
        Assert.NotEqual(
            ExceptionFingerprint.Compute(new InvalidOperationException()),
            ExceptionFingerprint.Compute(new TimeoutException()));
    }

    [Fact]
    public void Format_Always_SixteenLowercaseHexDigits()
    {
        Assert.Equal("000000000000002a", ExceptionFingerprint.Format(42));
        Assert.Equal("ffffffffffffffff", ExceptionFingerprint.Format(ulong.MaxValue));
    }
}
