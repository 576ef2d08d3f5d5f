using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The category of the global error handler's events, its own failure (EventId 3) and the error-storm summary
/// (EventId 5). The events of a failed
/// request (EventIds 1, 2 and 4) are written by <see cref="FailureLog"/>. Property names are part of the public
/// contract: users filter and alert on them.
/// </summary>
internal static partial class Log
{
    /// <summary>The category every event of the handler is logged under.</summary>
    public const string CategoryName = "ErrorHandling.AspNetCore.GlobalErrorHandler";

    [LoggerMessage(
        EventId = 3,
        EventName = "ErrorHandlerFailed",
        Level = LogLevel.Error,
        Message = "The error handler failed with {ExceptionType} while writing the error response for {RequestMethod} {RequestPath}; a minimal response was sent instead. TraceId: {TraceId}")]
    public static partial void ErrorHandlerFailed(
        ILogger logger,
        Exception exception,
        string requestMethod,
        string requestPath,
        string traceId,
        string exceptionType);

    [LoggerMessage(
        EventId = 5,
        EventName = "ErrorStormSummary",
        Message = "{SuppressedCount} more failures with {ExceptionType} (fingerprint {Fingerprint}, status {StatusCode}) got no event of their own between {WindowStart} and {WindowEnd}. Sample trace ids: {SampleTraceIds}")]
    public static partial void ErrorStormSummary(
        ILogger logger,
        LogLevel level,
        long suppressedCount,
        string exceptionType,
        string fingerprint,
        int statusCode,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        TraceIdSample sampleTraceIds);
}
