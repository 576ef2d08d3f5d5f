namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>The mediator's second pipeline behaviour (see <see cref="Mediator"/>): checks the query before its handler runs.</summary>
internal static class ValidationBehavior
{
    /// <summary>Rejects a query for a negative id, and passes any other on to <paramref name="next"/>.</summary>
    public static async Task<T> HandleAsync<T>(GetOrderQuery query, Func<Task<T>> next)
    {
        await Task.Yield();
        ArgumentOutOfRangeException.ThrowIfNegative(query.Id);
        return await next();
    }
}
