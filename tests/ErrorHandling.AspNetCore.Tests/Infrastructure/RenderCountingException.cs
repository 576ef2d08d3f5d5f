using System.Collections.Concurrent;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>
/// An exception that counts how often it is rendered with <see cref="ToString"/> (what a log sink or
/// <c>Activity.AddException</c> does), per label, so one test's count is not another's.
/// </summary>
public sealed class RenderCountingException(string label) : Exception("SENTINEL-COUNTED")
{
    private static readonly ConcurrentDictionary<string, int> Renderings = new();

    public static int RenderingsOf(string label) => Renderings.TryGetValue(label, out var count) ? count : 0;

    public override string ToString()
    {
        Renderings.AddOrUpdate(label, 1, static (_, count) => count + 1);
        return base.ToString();
    }
}
