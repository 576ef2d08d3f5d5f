using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore.OpenApi.Tests.Infrastructure;

/// <summary>MVC actions, found by every test app that maps controllers.</summary>
[ApiController]
[Route("mvc/orders")]
public sealed class OrdersController : ControllerBase
{
    [HttpGet("{id:int}")]
    public ActionResult<string> Get(int id) => Ok($"order {id}");

    [HttpGet("declared/{id:int}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult<string> GetDeclaringItsOwn404(int id) => Ok($"order {id}");

    [HttpGet("quiet/{id:int}")]
    [WithoutGlobalErrorHandlerResponses]
    public ActionResult<string> GetWithoutHandlerResponses(int id) => Ok($"order {id}");
}
