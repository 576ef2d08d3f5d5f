using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The log events of the global error handler (DESIGN.md §5). Property names are part of the
/// public contract: users filter and alert on them.
/// </summary>
internal static partial class Log
{
    /// <summary>The category every event of the handler is logged under.</summary>
    public const string CategoryName = "ErrorHandling.AspNetCore.GlobalErrorHandler";

    [LoggerMessage(
        EventId = 1,
        EventName = "UnhandledException",
        Message = "{RequestMethod} {RequestPath}{QueryString} failed with {ExceptionType}; responded {StatusCode} ({TraceId}, {Timestamp:O})")]
    public static partial void UnhandledException(
        ILogger logger,
        LogLevel level,
        Exception? exception,
        string requestMethod,
        string requestPath,
        string queryString,
        int statusCode,
        string traceId,
        DateTimeOffset timestamp,
        string exceptionType);

    // The same event as UnhandledException, in error-storm mode: a repeat passes a null exception
    // and is told apart by its fingerprint and count, so it keeps the EventId and EventName that
    // users filter and alert on.
#pragma warning disable SYSLIB1025 // Multiple logging methods using the same event name
    [LoggerMessage(
        EventId = 1,
        EventName = "UnhandledException",
        Message = "{RequestMethod} {RequestPath}{QueryString} failed with {ExceptionType}; responded {StatusCode} ({TraceId}, {Timestamp:O}), occurrence {OccurrenceCount} of {ExceptionFingerprint}")]
    public static partial void UnhandledExceptionInStorm(
        ILogger logger,
        LogLevel level,
        Exception? exception,
        string requestMethod,
        string requestPath,
        string queryString,
        int statusCode,
        string traceId,
        DateTimeOffset timestamp,
        string exceptionType,
        string exceptionFingerprint,
        long occurrenceCount);
#pragma warning restore SYSLIB1025

    [LoggerMessage(
        EventId = 2,
        EventName = "ResponseStarted",
        Level = LogLevel.Error,
        Message = "{RequestMethod} {RequestPath}{QueryString} failed with {ExceptionType} after the response had started with status {StatusCode}; the connection was aborted. TraceId: {TraceId}, Timestamp: {Timestamp:O}")]
    public static partial void ResponseStarted(
        ILogger logger,
        Exception exception,
        string requestMethod,
        string requestPath,
        string queryString,
        int statusCode,
        string traceId,
        DateTimeOffset timestamp,
        string exceptionType);

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
        EventId = 4,
        EventName = "RequestAborted",
        Level = LogLevel.Debug,
        Message = "The client aborted {RequestMethod} {RequestPath}{QueryString} ({ExceptionType}); responded {StatusCode}. TraceId: {TraceId}, Timestamp: {Timestamp:O}")]
    public static partial void RequestAborted(
        ILogger logger,
        Exception exception,
        string requestMethod,
        string requestPath,
        string queryString,
        int statusCode,
        string traceId,
        DateTimeOffset timestamp,
        string exceptionType);
}
