using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// A failed request as the global error handler reports it to <see cref="IRequestFailureObserver"/> services:
/// the exception and the values of the handler's log event, under the same names and with the same
/// redaction and escaping.
/// </summary>
public sealed class RequestFailure
{
    internal RequestFailure(
        HttpContext httpContext,
        Exception exception,
        FailureOutcome outcome,
        LogLevel logLevel,
        int statusCode,
        string traceId,
        string exceptionType,
        string? errorCode,
        ExceptionAttachment attachment,
        QueryStringRedactor queryRedactor,
        IReadOnlyDictionary<string, string>? requestHeaders,
        TimeProvider timeProvider)
    {
        var request = httpContext.Request;
        HttpContext = httpContext;
        Exception = exception;
        Outcome = outcome;
        EventId = new EventId((int)outcome, outcome switch
        {
            FailureOutcome.Handled => "UnhandledException",
            FailureOutcome.ResponseStarted => "ResponseStarted",
            _ => "RequestAborted",
        });
        LogLevel = logLevel;
        RequestMethod = LogValueEscaper.Escape(request.Method);
        RequestPath = LogValueEscaper.Escape((request.PathBase + request.Path).ToString());
        QueryString = LogValueEscaper.Escape(queryRedactor.Redact(request.QueryString.Value));
        StatusCode = statusCode;
        TraceId = traceId;
        Timestamp = timeProvider.GetUtcNow();
        ExceptionType = exceptionType;
        ErrorCode = errorCode;
        AttachesException = attachment.IsAttached;
        ExceptionFingerprint = attachment.Occurrence?.Fingerprint;
        OccurrenceCount = attachment.Occurrence?.Count;
        IsLogSuppressed = attachment.IsLogSuppressed;
        ExceptionRenderingFailure = attachment.RenderingFailure;
        RequestHeaders = requestHeaders;
    }

    /// <summary>
    /// Gets the <see cref="Microsoft.AspNetCore.Http.HttpContext"/> of the failed request.
    /// </summary>
    public HttpContext HttpContext { get; }

    /// <summary>
    /// Gets the exception that failed the request, with its stack trace.
    /// </summary>
    public Exception Exception { get; }

    /// <summary>
    /// Gets the id of the handler's log event for this failure: 1 <c>UnhandledException</c>,
    /// 2 <c>ResponseStarted</c> or 4 <c>RequestAborted</c>.
    /// </summary>
    public EventId EventId { get; }

    /// <summary>
    /// Gets the level of the handler's log event for this failure: the mapping's level or Error for
    /// EventId 1, Error for EventId 2, Debug for EventId 4.
    /// </summary>
    public LogLevel LogLevel { get; }

    /// <summary>
    /// Gets the request method, with control characters escaped: the <c>RequestMethod</c> property.
    /// </summary>
    public string RequestMethod { get; }

    /// <summary>
    /// Gets <c>PathBase + Path</c>, with control characters escaped: the <c>RequestPath</c> property.
    /// </summary>
    public string RequestPath { get; }

    /// <summary>
    /// Gets the query string with the values of <see cref="GlobalErrorHandlerOptions.RedactedQueryParameters"/>
    /// replaced by <c>***</c> and control characters escaped, or <c>""</c> when there is none: the
    /// <c>QueryString</c> property.
    /// </summary>
    public string QueryString { get; }

    /// <summary>
    /// Gets the status sent (for EventId 2, the one already on the wire; for EventId 4, 499): the
    /// <c>StatusCode</c> property.
    /// </summary>
    public int StatusCode { get; }

    /// <summary>
    /// Gets the <c>traceId</c> of the problem details body: the <c>TraceId</c> property.
    /// </summary>
    public string TraceId { get; }

    /// <summary>
    /// Gets the UTC time of the failure, from the <see cref="TimeProvider"/> registered in the service
    /// collection: the <c>Timestamp</c> property.
    /// </summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>
    /// Gets the full name of the exception's type: the <c>ExceptionType</c> property.
    /// </summary>
    public string ExceptionType { get; }

    /// <summary>
    /// Gets the <see cref="ExceptionMapping.Code"/> of the mapping that answered the failure: the <c>ErrorCode</c>
    /// property. <see langword="null"/> when the mapping has none, and for EventIds 2 and 4.
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>
    /// Gets whether the handler's reports of this failure carry <see cref="Exception"/>, with its stack: the log
    /// event's exception and the activity's <c>exception</c> event. <see langword="false"/> for a repeat within the
    /// window of <see cref="GlobalErrorHandlerOptions.ErrorStormWindow"/> (see <see cref="ExceptionFingerprint"/>),
    /// and for an exception whose <c>Message</c>, <c>StackTrace</c> or <c>ToString()</c> throws (see
    /// <see cref="ExceptionRenderingFailure"/>). An observer that hands the failure on attaches the exception only
    /// when this is <see langword="true"/>.
    /// </summary>
    public bool AttachesException { get; }

    /// <summary>
    /// Gets, in error-storm mode, the failure's fingerprint (16 lowercase hexadecimal digits): the
    /// <c>ExceptionFingerprint</c> property. <see langword="null"/> when the mode is off, and for EventIds 2 and 4.
    /// </summary>
    public string? ExceptionFingerprint { get; }

    /// <summary>
    /// Gets, in error-storm mode, how many failures with <see cref="ExceptionFingerprint"/> the current window has
    /// seen, this one included (1 for the one that carries the exception): the <c>OccurrenceCount</c> property.
    /// <see langword="null"/> when <see cref="ExceptionFingerprint"/> is.
    /// </summary>
    public long? OccurrenceCount { get; }

    /// <summary>
    /// Gets whether the handler wrote no log event for this failure because
    /// <see cref="GlobalErrorHandlerOptions.ErrorStormEventsPerWindow"/> failures with the same
    /// <see cref="ExceptionFingerprint"/> had already been logged in the window; the failure is counted in the
    /// window's <c>ErrorStormSummary</c> event (EventId 5) instead. An observer that writes its own event for each
    /// failure can follow the same decision.
    /// </summary>
    public bool IsLogSuppressed { get; }

    /// <summary>
    /// Gets what failed when the exception was rendered, such as <c>Message threw System.InvalidOperationException</c>,
    /// when rendering it throws: the <c>ExceptionRenderingFailure</c> property. <see langword="null"/> otherwise.
    /// </summary>
    public string? ExceptionRenderingFailure { get; }

    /// <summary>
    /// Gets the request headers as the log event carries them (<c>RequestHeaders</c>), the values of
    /// <see cref="GlobalErrorHandlerOptions.RedactedHeaders"/> replaced by <c>***</c> and control characters escaped;
    /// <see langword="null"/> unless <see cref="GlobalErrorHandlerOptions.LogRequestHeaders"/> is on, and for a client
    /// that went away.
    /// </summary>
    public IReadOnlyDictionary<string, string>? RequestHeaders { get; }

    internal FailureOutcome Outcome { get; }
}
