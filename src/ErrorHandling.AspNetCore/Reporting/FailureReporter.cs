using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Reports every failure, once: the handler's log event (through <see cref="FailureLog"/>), the request's
/// activity, the <c>errorhandling.exceptions</c> counter, <c>error.type</c> on the framework's
/// <c>http.server.request.duration</c>, and the <see cref="IRequestFailureObserver"/> services. Whether they get
/// the exception object (error-storm mode, an exception that cannot be rendered) is decided once per failure,
/// here, so the log event, the activity and the observers always agree.
/// </summary>
/// <remarks>
/// A client abort is not a failure of the server: it is counted (<c>errorhandling.result</c> = <c>aborted</c>)
/// and observed, but leaves the span's status and <c>http.server.request.duration</c> alone, as OpenTelemetry's
/// HTTP conventions do for a request that did not fail on the server's side.
/// </remarks>
internal sealed class FailureReporter
{
    // Tags of the activity's exception event in error-storm mode, under the library's own namespace.
    private const string FingerprintTag = "errorhandling.exception.fingerprint";
    private const string OccurrenceCountTag = "errorhandling.exception.occurrence_count";
    private const string LogSuppressedTag = "errorhandling.exception.log_suppressed";

    private readonly FailureLog _log;
    private readonly ErrorStormFilter? _errorStorm;
    private readonly QueryStringRedactor _queryRedactor;
    private readonly RequestEcho? _headers;
    private readonly TimeProvider _timeProvider;
    private readonly ErrorHandlerMetrics _metrics;
    private readonly IRequestFailureObserver[] _observers;

    public FailureReporter(
        FailureLog log,
        ErrorStormFilter? errorStorm,
        RequestEcho requestEcho,
        bool logRequestHeaders,
        TimeProvider timeProvider,
        ErrorHandlerMetrics metrics,
        IEnumerable<IRequestFailureObserver> observers)
    {
        _log = log;
        _errorStorm = errorStorm;
        _queryRedactor = requestEcho.QueryRedactor;
        _headers = logRequestHeaders ? requestEcho : null;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _observers = [.. observers];
    }

    /// <summary>
    /// Reports a failure of the request (EventIds 1, 2 and 4): the log event, the activity, the metrics and the
    /// observers, all from one <see cref="RequestFailure"/>, built only when the event or an observer needs it.
    /// Never throws.
    /// </summary>
    public void ReportRequestFailure(
        HttpContext context, Exception exception, int statusCode, LogLevel level, string traceId, FailureOutcome outcome, string? errorCode = null)
    {
        var errorType = SafeExceptionText.TypeName(exception);
        var activity = outcome == FailureOutcome.Aborted ? null : Activity.Current;
        var attachment = default(ExceptionAttachment);
        RequestFailure? failure = null;
        try
        {
            var log = _log.IsEnabled(level);
            if (log || _observers.Length != 0 || RecordsExceptions(activity))
            {
                attachment = Attachment(exception, outcome, new FailedRequestFacts(errorType, statusCode, level, traceId));
            }

            // Counted in the window's summary instead; observers still see it, and are told.
            log &= !attachment.IsLogSuppressed;

            if (log || _observers.Length != 0)
            {
                var headers = outcome == FailureOutcome.Aborted ? null : _headers?.HeadersForLog(context.Request);
                failure = new RequestFailure(
                    context, exception, outcome, level, statusCode, traceId, errorType, errorCode, attachment, _queryRedactor, headers, _timeProvider);
                if (log)
                {
                    _log.Write(failure);
                }
            }
        }
        catch (Exception)
        {
            // A failing log provider (IsEnabled) or TimeProvider must not cost the client its response.
        }

        if (outcome != FailureOutcome.Aborted)
        {
            RecordOnActivity(activity, exception, errorType, attachment);
            TagRequestDuration(context, errorType);
        }

        RecordCount(errorType, statusCode, outcome);
        if (failure is not null)
        {
            Notify(failure);
        }
    }

    /// <summary>
    /// Reports a failure of the handler itself (EventId 3): always logged, counted as <c>handler_failed</c>,
    /// never given to observers. Never throws.
    /// </summary>
    public void ReportHandlerFailure(HttpContext context, Exception handlerException, int statusCode, string traceId)
    {
        var errorType = SafeExceptionText.TypeName(handlerException);
        _log.WriteHandlerFailure(context, handlerException, errorType, traceId);
        RecordOnActivity(Activity.Current, handlerException, errorType, default);
        TagRequestDuration(context, errorType);
        RecordCount(errorType, statusCode, FailureOutcome.HandlerFailed);
    }

    // Error-storm mode covers EventId 1 only, as the handler's event does: a response that had already started is
    // rare and always worth its stack. A repeat's exception is held back without the probe rendering it.
    private ExceptionAttachment Attachment(Exception exception, FailureOutcome outcome, in FailedRequestFacts facts)
    {
        var occurrence = outcome == FailureOutcome.Handled ? _errorStorm?.Observe(exception, facts) : null;
        var renderingFailure = occurrence is { AttachesException: false } ? null : ExceptionRenderingProbe.FindFailure(exception);
        return new ExceptionAttachment(occurrence, renderingFailure);
    }

    // ASP.NET Core creates the request's activity whenever logging is on, for log scopes, and such an activity
    // reports IsAllDataRequested and may carry the Recorded flag of an incoming traceparent; only a listener of its
    // source ever reads an event, and rendering the exception for it costs a stack trace.
    private static bool RecordsExceptions(Activity? activity) =>
        activity is not null && activity.IsAllDataRequested && activity.Source.HasListeners();

    private static void RecordOnActivity(Activity? activity, Exception exception, string errorType, ExceptionAttachment attachment)
    {
        if (activity is null)
        {
            return;
        }

        try
        {
            activity.SetStatus(ActivityStatusCode.Error);

            // The first exception is the one that failed the request; a later failure of the handler itself
            // adds its own event but does not change the span's error.type.
            if (activity.GetTagItem(ErrorHandlerMetrics.ErrorTypeTag) is null)
            {
                activity.SetTag(ErrorHandlerMetrics.ErrorTypeTag, errorType);
            }

            if (!RecordsExceptions(activity))
            {
                return;
            }

            var tags = default(TagList);
            if (!attachment.IsAttached)
            {
                // The event without exception.stacktrace: the type and the message are cheap to read and render no
                // stack, and the message is read so that a getter that throws cannot cost the event.
                tags.Add("exception.type", errorType);
                tags.Add("exception.message", SafeExceptionText.Message(exception));
            }

            if (attachment.Occurrence is { } occurrence)
            {
                tags.Add(FingerprintTag, occurrence.Fingerprint);
                tags.Add(OccurrenceCountTag, occurrence.Count);
                if (occurrence.IsLogSuppressed)
                {
                    tags.Add(LogSuppressedTag, true);
                }
            }

            if (attachment.IsAttached)
            {
                activity.AddException(exception, tags);
            }
            else
            {
                activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection(tags)));
            }
        }
        catch (Exception)
        {
            // A rendering failure the probe could not foresee, or a failing listener, must not cost the client its
            // response.
        }
    }

    private static void TagRequestDuration(HttpContext context, string errorType)
    {
        var tags = context.Features.Get<IHttpMetricsTagsFeature>()?.Tags;
        if (tags is null)
        {
            return;
        }

        foreach (var tag in tags)
        {
            if (tag.Key == ErrorHandlerMetrics.ErrorTypeTag)
            {
                return;
            }
        }

        tags.Add(new KeyValuePair<string, object?>(ErrorHandlerMetrics.ErrorTypeTag, errorType));
    }

    private void RecordCount(string errorType, int statusCode, FailureOutcome outcome)
    {
        if (!_metrics.Enabled)
        {
            return;
        }

        try
        {
            _metrics.RecordException(errorType, statusCode, outcome);
        }
        catch (Exception)
        {
            // A failing metrics listener must not cost the client its response.
        }
    }

    private void Notify(RequestFailure failure)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnRequestFailed(failure);
            }
            catch (Exception)
            {
                // One observer's failure must neither cost the client its response nor keep the next
                // observer from seeing the failure.
            }
        }
    }
}
