namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>Stands in for the database driver's connection pool under the deep failing endpoint's data access layer.</summary>
internal static class ConnectionPool
{
    /// <summary>Rents a connection, runs <paramref name="command"/> on it and returns it to the pool.</summary>
    public static async Task<T> WithConnectionAsync<T>(Func<int, Task<T>> command)
    {
        await Task.Yield();
        return await command(1);
    }
}
