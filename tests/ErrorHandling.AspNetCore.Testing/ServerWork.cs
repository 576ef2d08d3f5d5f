using System.Diagnostics;

namespace ErrorHandling.AspNetCore.Testing;

/// <summary>
/// Waits for work a server finishes after its client has the response (a span exported when the request ends, a
/// log line reaching a pipe), so that a busy machine cannot make a test count too early.
/// </summary>
public static class ServerWork
{
    /// <summary>Returns once <paramref name="done"/> holds, or after <paramref name="timeout"/>; the caller asserts.</summary>
    public static async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout)
    {
        for (var wait = Stopwatch.StartNew(); !done() && wait.Elapsed < timeout; await Task.Delay(10))
        {
        }
    }
}
