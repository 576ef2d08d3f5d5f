namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>The repository layer of the deep failing endpoint (see <see cref="OrderEndpoint"/>).</summary>
internal static class OrderRepository
{
    /// <summary>Finds the order <paramref name="id"/> through the data access layer.</summary>
    public static async Task<string> FindAsync(int id)
    {
        await Task.Yield();
        return await OrderDataAccess.QueryAsync(id);
    }
}
