namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>The handler of <see cref="GetOrderQuery"/>: loads the order through <see cref="OrderService"/>.</summary>
internal static class GetOrderHandler
{
    /// <summary>Loads the order <paramref name="query"/> asks for.</summary>
    public static async Task<string> HandleAsync(GetOrderQuery query)
    {
        await Task.Yield();
        return await OrderService.LoadAsync(query.Id);
    }
}
