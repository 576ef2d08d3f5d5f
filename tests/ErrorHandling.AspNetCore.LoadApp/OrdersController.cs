using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>
/// The deep failing endpoint: an MVC action whose async call chain runs through a service, a repository and a data
/// access layer, so the failure's stack is as deep as a real app's (the MVC invoker's frames included), where the four
/// synchronous frames of <see cref="Thrower"/> are the cheapest stack a logger will ever render.
/// </summary>
[ApiController]
public sealed class OrdersController : ControllerBase
{
    /// <summary>Handles GET /fail-deep: loads an order, which always fails in the data access layer.</summary>
    /// <returns>Never returns: the data access layer throws.</returns>
    [HttpGet("/fail-deep")]
    public async Task<ActionResult<string>> GetAsync()
    {
        await Task.Yield();
        return await OrderService.LoadAsync(42);
    }
}
