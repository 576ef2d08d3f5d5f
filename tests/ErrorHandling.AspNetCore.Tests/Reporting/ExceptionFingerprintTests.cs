using System.Diagnostics;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using ErrorHandling.AspNetCore.Tests.Infrastructure;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

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
    public void SameMethod_TwoThrowStatements_SameFingerprint()
    {
        // Two IL offsets in one method: the JIT's mapping of a frame to its offset changes when it recompiles the
        // method, so offsets are not part of the fingerprint.
        var exceptions = Enumerable.Range(0, 2)
            .Select(i => StormThrowers.Capture(() => ThrowFromOneOfTwoStatements(first: i == 0)))
            .ToArray();
        var (first, second) = (exceptions[0], exceptions[1]);

        Assert.NotEqual(new StackTrace(first).GetFrame(0)!.GetILOffset(), new StackTrace(second).GetFrame(0)!.GetILOffset());
        Assert.Equal(ExceptionFingerprint.Compute(first), ExceptionFingerprint.Compute(second));
    }

    [Fact]
    public void SameThrowSite_CalledThroughTwoCompiledExpressions_SameFingerprint()
    {
        // Each compiled expression is a dynamic method named in creation order (lambda_method1, lambda_method2, …),
        // as the framework's minimal API and MVC invokers are: the order differs between processes.
        var first = StormThrowers.Capture(CompileCallTo(StormThrowers.ThrowFromOrders));
        var second = StormThrowers.Capture(CompileCallTo(StormThrowers.ThrowFromOrders));

        Assert.Equal(ExceptionFingerprint.Compute(first), ExceptionFingerprint.Compute(second));
        Assert.NotEqual(
            ExceptionFingerprint.Compute(first),
            ExceptionFingerprint.Compute(StormThrowers.Capture(CompileCallTo(StormThrowers.ThrowFromPayments))));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string ThrowFromOneOfTwoStatements(bool first)
    {
        if (first)
        {
            throw new InvalidOperationException("first");
        }

        Console.Out.Flush();
        throw new InvalidOperationException("second");
    }

    // The call's result is used, so that the JIT cannot turn it into a tail call, which would leave the
    // compiled method no frame.
    private static Func<string> CompileCallTo(Func<string> thrower) =>
        Expression.Lambda<Func<string>>(Expression.Call(
            typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!,
            Expression.Call(thrower.Method),
            Expression.Constant("!"))).Compile();

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
