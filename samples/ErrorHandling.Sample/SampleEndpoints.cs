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
    ];

    public static WebApplication MapSampleEndpoints(this WebApplication app)
    {
        app.MapGet("/", () => Results.Content(RootPage.Render(All), "text/html; charset=utf-8"));
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
        return app;
    }
}
