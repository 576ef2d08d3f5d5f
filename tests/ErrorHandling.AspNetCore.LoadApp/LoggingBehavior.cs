namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>The mediator's first pipeline behaviour (see <see cref="Mediator"/>); it logs nothing in the load app.</summary>
internal static class LoggingBehavior
{
    /// <summary>Passes <paramref name="query"/> on to <paramref name="next"/>.</summary>
    public static async Task<T> HandleAsync<T>(GetOrderQuery query, Func<Task<T>> next)
    {
        await Task.Yield();
        return await next();
    }
}
