namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>
/// Stands in for a mediator library under the deep failing endpoint: sends a query through its pipeline behaviours
/// (logging, then validation) to its handler.
/// </summary>
internal static class Mediator
{
    /// <summary>Sends <paramref name="query"/> through the pipeline to <see cref="GetOrderHandler"/>.</summary>
    public static async Task<string> SendAsync(GetOrderQuery query)
    {
        await Task.Yield();
        return await LoggingBehavior.HandleAsync(query, () => ValidationBehavior.HandleAsync(query, () => GetOrderHandler.HandleAsync(query)));
    }
}
