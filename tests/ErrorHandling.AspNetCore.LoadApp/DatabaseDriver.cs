namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>
/// Stands in for a database driver under the deep failing endpoint's data access layer: a command that is sent,
/// waits for its answer and times out, each step an async frame of its own as in a real driver.
/// </summary>
internal static class DatabaseDriver
{
    /// <summary>Executes <paramref name="command"/> on <paramref name="connection"/>; always throws, as a driver does when its database is down.</summary>
    public static async Task<string> ExecuteScalarAsync(int connection, string command)
    {
        await Task.Yield();
        return await SendAsync(connection, command);
    }

    private static async Task<string> SendAsync(int connection, string command)
    {
        await Task.Yield();
        return await ReadAnswerAsync(connection, command);
    }

    private static async Task<string> ReadAnswerAsync(int connection, string command)
    {
        await Task.Yield();
        return await ReadPacketAsync(connection, command);
    }

    private static async Task<string> ReadPacketAsync(int connection, string command)
    {
        await Task.Yield();
        throw new TimeoutException($"The database did not answer '{command}' on connection {connection} within 30 seconds.");
    }
}
