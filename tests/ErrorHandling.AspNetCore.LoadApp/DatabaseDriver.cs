namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>
/// Stands in for a database driver under the deep failing endpoint's data access layer: a command that is sent,
/// waits for its answer and times out, each step an async frame of its own as in a real driver.
/// </summary>
internal static class DatabaseDriver
{
    /// <summary>Executes <paramref name="command"/>; always throws, as a driver does when its database is down.</summary>
    public static async Task<string> ExecuteScalarAsync(string command)
    {
        await Task.Yield();
        return await SendAsync(command);
    }

    private static async Task<string> SendAsync(string command)
    {
        await Task.Yield();
        return await ReadAnswerAsync(command);
    }

    private static async Task<string> ReadAnswerAsync(string command)
    {
        await Task.Yield();
        throw new TimeoutException($"The database did not answer '{command}' within 30 seconds.");
    }
}
