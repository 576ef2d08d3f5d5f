using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Reports a failure beyond the handler's log event (DESIGN.md §6, §8): on the request's activity, in the
/// <c>errorhandling.exceptions</c> counter, as <c>error.type</c> on the framework's
/// <c>http.server.request.duration</c>, and to the <see cref="IRequestFailureObserver"/> services.
/// </summary>
/// <remarks>
/// A client abort is not a failure of the server: it is counted (<c>errorhandling.result</c> = <c>aborted</c>)
/// and observed, but leaves the span's status and <c>http.server.request.duration</c> alone, as OpenTelemetry's
/// HTTP conventions do for a request that did not fail on the server's side.
/// </remarks>
internal sealed class FailureReporter
{
    private readonly ErrorHandlerMetrics _metrics;
    private readonly IRequestFailureObserver[] _observers;

    public FailureReporter(ErrorHandlerMetrics metrics, IEnumerable<IRequestFailureObserver> observers)
    {
        _metrics = metrics;
        _observers = [.. observers];
    }

    /// <summary>Whether any <see cref="IRequestFailureObserver"/> is registered.</summary>
    public bool HasObservers => _observers.Length != 0;

    /// <summary>
    /// Reports one failure, once for each log event of the handler (EventIds 1–4), with the request values
    /// of its log event (<see langword="null"/> when nobody needs them). Never throws.
    /// </summary>
    public void Report(
        HttpContext context, Exception exception, string errorType, int statusCode, LogLevel level, string traceId,
        FailureOutcome outcome, RequestLogValues? values)
    {
        if (outcome != FailureOutcome.Aborted)
        {
            RecordOnActivity(exception, errorType);
            TagRequestDuration(context, errorType);
        }

        RecordCount(errorType, statusCode, outcome);

        if (values is { } requestValues && outcome != FailureOutcome.HandlerFailed)
        {
            Notify(context, exception, statusCode, level, traceId, outcome, errorType, requestValues);
        }
    }

    private static void RecordOnActivity(Exception exception, string errorType)
    {
        var activity = Activity.Current;
        if (activity is null)
        {
            return;
        }

        try
        {
            activity.SetStatus(ActivityStatusCode.Error);
            if (!activity.IsAllDataRequested)
            {
                return;
            }

            // The first exception is the one that failed the request; a later failure of the handler itself
            // adds its own event but does not change the span's error.type.
            if (activity.GetTagItem(ErrorHandlerMetrics.ErrorTypeTag) is null)
            {
                activity.SetTag(ErrorHandlerMetrics.ErrorTypeTag, errorType);
            }

            activity.AddException(exception);
        }
        catch (Exception)
        {
            // An exception whose Message or ToString() throws, or a failing listener, must not cost the
            // client its response.
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

    private void Notify(
        HttpContext context, Exception exception, int statusCode, LogLevel level, string traceId, FailureOutcome outcome,
        string errorType, RequestLogValues values)
    {
        var failure = new RequestFailure(
            context, exception, new EventId((int)outcome, EventName(outcome)), level, values.RequestMethod,
            values.RequestPath, values.QueryString, statusCode, traceId, values.Timestamp, errorType);

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

    private static string EventName(FailureOutcome outcome) => outcome switch
    {
        FailureOutcome.Handled => "UnhandledException",
        FailureOutcome.ResponseStarted => "ResponseStarted",
        _ => "RequestAborted",
    };
}
