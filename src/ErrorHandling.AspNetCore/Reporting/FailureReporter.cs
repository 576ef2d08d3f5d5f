using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Reports a failure beyond the handler's log event: on the request's activity, in the
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
    /// Reports one failure, once for each log event of the handler (EventIds 1–4), with the failure as its log
    /// event carries it (<see langword="null"/> when nobody needs it). Never throws.
    /// </summary>
    public void Report(HttpContext context, Exception exception, string errorType, int statusCode, FailureOutcome outcome, RequestFailure? failure)
    {
        if (outcome != FailureOutcome.Aborted)
        {
            RecordOnActivity(exception, errorType);
            TagRequestDuration(context, errorType);
        }

        RecordCount(errorType, statusCode, outcome);

        if (failure is not null)
        {
            Notify(failure);
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

            // The first exception is the one that failed the request; a later failure of the handler itself
            // adds its own event but does not change the span's error.type.
            if (activity.GetTagItem(ErrorHandlerMetrics.ErrorTypeTag) is null)
            {
                activity.SetTag(ErrorHandlerMetrics.ErrorTypeTag, errorType);
            }

            // ASP.NET Core creates the request's activity whenever logging is on, for log scopes, and such an
            // activity reports IsAllDataRequested and may carry the Recorded flag of an incoming traceparent;
            // only a listener of its source ever reads the event, and rendering it costs a stack trace.
            if (!activity.IsAllDataRequested || !activity.Source.HasListeners())
            {
                return;
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
