using System.Diagnostics;

namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>
/// The floor modes' handler: the least a handler can do that answers every failure with a problem body and logs
/// it once. It catches, logs one event and writes a fixed body. In the floor mode the event has a constant message
/// and no properties and no exception: what one event per failure costs through a sink before any of its content
/// does. In the floor-repeat mode the event is the one an error-storm repeat carries (the same template and the same
/// nine properties, a constant fingerprint): what that content costs, without the fingerprint or any other work of a
/// real handler. No real handler should ship either.
/// </summary>
internal static partial class FloorErrorHandler
{
    private static readonly byte[] Body =
        """{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.1","title":"An error occurred while processing your request.","status":500}"""u8.ToArray();

    private static long s_failures;

    public static void Use(WebApplication app, bool logsRepeatEvent)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FloorErrorHandler).FullName!);
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception)
            {
                if (logsRepeatEvent)
                {
                    var request = context.Request;
                    RepeatFailed(
                        logger,
                        request.Method,
                        request.Path.Value ?? "",
                        request.QueryString.Value ?? "",
                        StatusCodes.Status500InternalServerError,
                        Activity.Current?.Id ?? context.TraceIdentifier,
                        DateTimeOffset.UtcNow,
                        exception.GetType().FullName!,
                        Interlocked.Increment(ref s_failures),
                        "0123456789abcdef");
                }
                else
                {
                    RequestFailed(logger);
                }

                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "application/problem+json";
                await context.Response.Body.WriteAsync(Body);
            }
        });
    }

    [LoggerMessage(EventId = 1, EventName = "UnhandledException", Level = LogLevel.Error, Message = "A request failed.")]
    private static partial void RequestFailed(ILogger logger);

    // Both events are EventId 1, as the handler's are. The repeat's template leaves its timestamp out of the
    // message text; the generator then names the property after the parameter, hence its casing.
#pragma warning disable SYSLIB1015, SYSLIB1025, IDE1006
    [LoggerMessage(
        EventId = 1,
        EventName = "UnhandledException",
        Level = LogLevel.Error,
        Message = "{RequestMethod} {RequestPath}{QueryString} failed with {ExceptionType}; responded {StatusCode} ({TraceId}), occurrence {OccurrenceCount} of {ExceptionFingerprint}")]
    private static partial void RepeatFailed(
        ILogger logger,
        string requestMethod,
        string requestPath,
        string queryString,
        int statusCode,
        string traceId,
        DateTimeOffset Timestamp,
        string exceptionType,
        long occurrenceCount,
        string exceptionFingerprint);
#pragma warning restore SYSLIB1015, SYSLIB1025, IDE1006
}
