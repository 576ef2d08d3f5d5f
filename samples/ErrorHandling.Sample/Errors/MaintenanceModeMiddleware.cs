namespace ErrorHandling.Sample.Errors;

/// <summary>
/// An outer middleware that owns <see cref="MaintenanceModeException"/>: the global error handler lets it
/// through (<c>options.PassThrough</c>) and this answers 503 with a <c>Retry-After</c>.
/// </summary>
internal sealed class MaintenanceModeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (MaintenanceModeException) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "300";
            await context.Response.WriteAsync("Back in five minutes.");
        }
    }
}
