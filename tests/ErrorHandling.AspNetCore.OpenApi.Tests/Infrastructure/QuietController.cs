using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore.OpenApi.Tests.Infrastructure;

/// <summary>A controller whose every action opts out of the handler's responses.</summary>
[ApiController]
[Route("mvc/quiet")]
[WithoutGlobalErrorHandlerResponses]
public sealed class QuietController : ControllerBase
{
    [HttpGet]
    public ActionResult<string> Get() => Ok("quiet");

    [HttpPost]
    public ActionResult<string> Post() => Ok("quiet");
}
