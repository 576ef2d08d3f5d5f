namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>The service layer of the deep failing endpoint (see <see cref="OrderEndpoint"/>).</summary>
internal static class OrderService
{
    /// <summary>Loads the order <paramref name="id"/> through the cache, in a unit of work.</summary>
    public static async Task<string> LoadAsync(int id)
    {
        await Task.Yield();
        return await OrderCache.GetOrLoadAsync(id, () => UnitOfWork.RunAsync(() => OrderRepository.FindAsync(id)));
    }
}
