namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>
/// The deep failing endpoint, served as a minimal API so that the app needs no MVC (which would slow every other
/// endpoint alike). Its async call chain runs as a real app's does: through a mediator with two pipeline behaviours,
/// a handler, a service, a cache, a unit of work with a retry policy, a repository, a data access layer, a connection
/// pool and a database driver, so the failure's stack is tens of frames deep, where the four synchronous frames of
/// <see cref="Thrower"/> are the cheapest stack a logger will ever render.
/// </summary>
internal static class OrderEndpoint
{
    /// <summary>Handles GET /fail-deep: asks for an order, which always fails in the database driver.</summary>
    /// <returns>Never returns: the database driver throws.</returns>
    public static async Task<string> GetAsync()
    {
        await Task.Yield();
        return await Mediator.SendAsync(new GetOrderQuery(42));
    }
}
