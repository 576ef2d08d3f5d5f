using ErrorHandling.AspNetCore;
using ErrorHandling.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.Snippets;

/// <summary>The C# blocks of docs/openapi.md.</summary>
public static class OpenApiSnippets
{
    /// <summary>Declares the handler's responses in the OpenAPI document.</summary>
    public static WebApplication AddResponses(WebApplicationBuilder builder)
    {
        // <add-responses>
        builder.Services.AddGlobalErrorHandler(options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound));
        builder.Services.AddOpenApi(options => options.AddGlobalErrorHandlerResponses());   // the one line

        var app = builder.Build();
        app.UseGlobalErrorHandler();
        app.MapOpenApi();                                                                    // /openapi/v1.json
        // </add-responses>
        return app;
    }

    /// <summary>Leaves the handler's responses out of some operations.</summary>
    public static void OptOut(WebApplication app)
    {
        // <opt-out>
        app.MapGet("/maintenance", () => "Back soon")
            .WithoutGlobalErrorHandlerResponses()
            .Produces(StatusCodes.Status503ServiceUnavailable);

        app.MapGroup("/internal").WithoutGlobalErrorHandlerResponses();
        // </opt-out>
    }

    /// <summary>Declares a status the handler's configuration does not fix, on the endpoint that produces it.</summary>
    public static void DeclareOwnStatus(WebApplication app)
    {
        // <declare-own-status>
        app.MapPost("/payments", () => Results.Ok())
            .ProducesProblem(StatusCodes.Status402PaymentRequired);
        // </declare-own-status>
    }

    /// <summary>Lists the statuses the handler's configuration fixes.</summary>
    public static void ReadCatalog(WebApplication app)
    {
        // <read-catalog>
        var catalog = app.Services.GetRequiredService<IErrorResponseCatalog>();
        foreach (var response in catalog.Responses)
        {
            Console.WriteLine($"{response.StatusCode} validation: {response.IsValidationProblem}");
        }
        // </read-catalog>
    }
}

/// <summary>Health probes, left out of the handler's documented responses.</summary>
// <opt-out-controller>
[ApiController]
[Route("health")]
[WithoutGlobalErrorHandlerResponses]
public sealed class HealthController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => Ok();
}
// </opt-out-controller>
