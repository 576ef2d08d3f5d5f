using System.Runtime.CompilerServices;

namespace ErrorHandling.AspNetCore.Benchmarks;

/// <summary>The failing endpoint of every error-path benchmark: a throw four frames deep.</summary>
public static class Thrower
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Task Throw() => Level2();

    /// <summary>Throws <paramref name="depth"/> frames deep (at least four).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Task ThrowAtDepth(int depth) => depth <= 4 ? Throw() : ThrowAtDepth(depth - 1);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task Level2() => Level3();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task Level3() => Level4();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task Level4() => throw new InvalidOperationException("The order could not be loaded.");
}
