using ErrorHandling.Sample.Errors;
using ErrorHandling.Sample.Shaping;

namespace ErrorHandling.Sample;

/// <summary>The demo endpoints, each failing in a different way.</summary>
internal static class SampleEndpoints
{
    /// <summary>What the root page lists: path and what happens there.</summary>
    public static readonly (string Path, string Description)[] All =
    [
        ("/ok", "succeeds: the handler stays out of the way"),
        ("/throw", "a plain InvalidOperationException: 500"),
        ("/throw/inner", "an exception with an inner exception: 500"),
        ("/throw/async", "an asynchronous throw after an await: 500"),
        ("/api/orders/42", "an MVC controller action that throws: 500"),
        ("/throw/bad-request", "a BadHttpRequestException with status 413: a client error"),
        ("/orders/missing", "KeyNotFoundException, mapped in code to 404"),
        ("/orders/invalid", "ArgumentException, mapped to 400 with its message exposed"),
        ("/orders/locked", "OrderLockedException, mapped to 409; a callback adds its errorCode"),
        ("/upstream/timeout", "TimeoutException, mapped to 504 in appsettings.json"),
        ("/payments/declined", "PaymentDeclinedException, handled by the app's own IExceptionHandler: 402"),
        ("/maintenance", "MaintenanceModeException, passed through to an outer middleware: 503"),
        ("/status/503", "an empty 503 from Results.StatusCode, given a problem body"),
        ("/no-such-page", "an empty 404 from routing, given a problem body"),
    ];

    /// <summary>What the root page links to in Development, where the app serves its OpenAPI document.</summary>
    public static readonly (string Path, string Description)[] Documentation =
    [
        ("/scalar", "the API reference (Scalar): every operation with the error responses the handler declares"),
        ("/openapi/v1.json", "the OpenAPI document"),
    ];

    /// <summary>The docs pages that explain what the sample shows: address and title.</summary>
    public static readonly (string Url, string Title)[] Guides =
    [
        (DocsPage("getting-started"), "Getting started: the minimal Program.cs, middleware order, what clients see"),
        (DocsPage("mapping"), "Mapping exceptions and shaping problems: the mappings, validation and factories above"),
        (DocsPage("responses"), "Responses: the JSON body, the HTML page, headers, what never leaks"),
        (DocsPage("logging"), "Logging: the log event, error-storm mode, Serilog"),
        (DocsPage("telemetry"), "Telemetry: traces, metrics, exporting from this sample"),
        (DocsPage("openapi"), "OpenAPI: the error responses in the document"),
        (DocsPage("troubleshooting"), "Troubleshooting: the dotnet run --environment trap, middleware order, a response without a body"),
    ];

    public static WebApplication MapSampleEndpoints(this WebApplication app)
    {
        var page = RootPage.Render([.. All, .. ShapingEndpoints.All], Guides, app.Environment.IsDevelopment() ? Documentation : []);
        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/ok", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/throw", string () => throw new InvalidOperationException("Something went wrong in /throw."));
        app.MapGet("/throw/inner", string () =>
        {
            try
            {
                throw new TimeoutException("The database did not answer within 30 seconds.");
            }
            catch (TimeoutException timeout)
            {
                throw new InvalidOperationException("Loading the customer failed.", timeout);
            }
        });
        app.MapGet("/throw/async", async Task<string> () =>
        {
            await Task.Delay(10);
            throw new InvalidOperationException("Something went wrong after an await.");
        });
        app.MapGet("/throw/bad-request", string () =>
            throw new BadHttpRequestException("The upload exceeds the 1 MB limit.", StatusCodes.Status413PayloadTooLarge));
        app.MapGet("/orders/missing", string () => throw new KeyNotFoundException("Order 404 does not exist."));
        app.MapGet("/orders/invalid", string () => throw new ArgumentException("The quantity must be between 1 and 99."));
        app.MapGet("/orders/locked", string () => throw new OrderLockedException(42));
        app.MapGet("/upstream/timeout", string () => throw new TimeoutException("The pricing service did not answer within 5 seconds."));
        // The app's own IExceptionHandler answers 402, which the global error handler cannot know: declared here.
        app.MapGet("/payments/declined", string () => throw new PaymentDeclinedException("insufficient funds"))
            .Produces<PaymentDeclinedResponse>(StatusCodes.Status402PaymentRequired);
        // Its answer comes from the outer middleware, not from the handler: the document says so.
        app.MapGet("/maintenance", string () => throw new MaintenanceModeException())
            .WithoutGlobalErrorHandlerResponses()
            .Produces(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/status/503", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        return app;
    }

    private static string DocsPage(string name) =>
        $"https://github.com/errorhandling-aspnetcore/ErrorHandling.AspNetCore/blob/main/docs/{name}.md";
}
