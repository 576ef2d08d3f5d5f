using System.Runtime.CompilerServices;

namespace ErrorHandling.AspNetCore.Testing;

/// <summary>Distinct throw sites for error-storm tests, each a method name that shows up in a stack.</summary>
public static class StormThrowers
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string ThrowFromOrders() => throw new InvalidOperationException("orders failed");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string ThrowFromPayments() => throw new InvalidOperationException("payments failed");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string ThrowFromInvoices() => throw new InvalidOperationException("invoices failed");

    /// <summary>Runs <paramref name="thrower"/> and returns what it threw, with its stack.</summary>
    public static Exception Capture(Func<string> thrower)
    {
        try
        {
            thrower();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("The thrower did not throw.");
    }
}
