using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.Sample.Controllers;

/// <summary>An MVC controller whose action fails, to show that controllers are covered too.</summary>
[ApiController]
[Route("api/orders")]
public sealed class OrdersController : ControllerBase
{
    /// <summary>Looks up an order; the storage behind it is "down".</summary>
    [HttpGet("{id:int}")]
    public IActionResult Get(int id) =>
        throw new InvalidOperationException($"The order store is unavailable while reading order {id}.");
}
