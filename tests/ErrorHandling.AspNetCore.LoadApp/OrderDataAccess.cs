namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>The data access layer of the deep failing endpoint: its query fails, as one does when the database is down.</summary>
internal static class OrderDataAccess
{
    /// <summary>Queries the order <paramref name="id"/> on a pooled connection; always throws.</summary>
    public static async Task<string> QueryAsync(int id)
    {
        // Each layer yields so the chain resumes on other stacks, as real I/O does.
        await Task.Yield();
        return await ConnectionPool.WithConnectionAsync(
            connection => DatabaseDriver.ExecuteScalarAsync(connection, $"SELECT * FROM orders WHERE id = {id}"));
    }
}
