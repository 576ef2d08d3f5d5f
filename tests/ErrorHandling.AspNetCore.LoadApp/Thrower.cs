using System.Runtime.CompilerServices;

namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>The failing endpoint: a throw four frames deep, as in the benchmarks.</summary>
internal static class Thrower
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string Throw() => Level2();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Level2() => Level3();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Level3() => Level4();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Level4() => throw new InvalidOperationException("The order could not be loaded.");
}
