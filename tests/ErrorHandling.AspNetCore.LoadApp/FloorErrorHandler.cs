namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>
/// The floor mode's handler: the least a handler can do that answers every failure with a problem body and logs
/// it once. It catches, logs one event with a constant message and no properties and no exception, and writes a
/// fixed body. No real handler should ship this (the event says nothing about the request); it shows what one
/// event per failure costs through a sink before any of its content does.
/// </summary>
internal static partial class FloorErrorHandler
{
    private static readonly byte[] Body =
        """{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.1","title":"An error occurred while processing your request.","status":500}"""u8.ToArray();

    public static void Use(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FloorErrorHandler).FullName!);
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception)
            {
                RequestFailed(logger);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "application/problem+json";
                await context.Response.Body.WriteAsync(Body);
            }
        });
    }

    [LoggerMessage(EventId = 1, EventName = "UnhandledException", Level = LogLevel.Error, Message = "A request failed.")]
    private static partial void RequestFailed(ILogger logger);
}
