namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>The service layer of the deep failing endpoint (see <see cref="OrdersController"/>).</summary>
internal static class OrderService
{
    /// <summary>Loads the order <paramref name="id"/> through the repository.</summary>
    public static async Task<string> LoadAsync(int id)
    {
        await Task.Yield();
        return await OrderRepository.FindAsync(id);
    }
}
