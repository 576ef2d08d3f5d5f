using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Writes the handler's log events. For a failed request (EventIds 1, 2 and 4): exactly one per failure, with the exception
/// attached when <see cref="RequestFailure.AttachesException"/> says so, and the redacted request headers when
/// <see cref="GlobalErrorHandlerOptions.LogRequestHeaders"/> is on. Never throws.
/// </summary>
internal sealed class FailureLog
{
    private readonly ILogger _logger;
    private readonly bool _enabled;

    public FailureLog(ILogger logger, GlobalErrorHandlerOptions options)
    {
        _logger = logger;
        _enabled = options.LogFailedRequests;
    }

    public bool IsEnabled(LogLevel level) => _enabled && _logger.IsEnabled(level);

    /// <summary>Writes the handler's own failure (EventId 3), whatever <see cref="GlobalErrorHandlerOptions.LogFailedRequests"/> says.</summary>
    public void WriteHandlerFailure(HttpContext context, Exception handlerException, string exceptionType, string traceId)
    {
        try
        {
            if (_logger.IsEnabled(LogLevel.Error))
            {
                var request = context.Request;
                var method = LogValueEscaper.Escape(request.Method);
                var path = LogValueEscaper.Escape((request.PathBase + request.Path).ToString());
                Log.ErrorHandlerFailed(_logger, handlerException, method, path, traceId, exceptionType);
            }
        }
        catch (Exception)
        {
            // A failing log provider must not cost the client its response.
        }
    }

    /// <summary>
    /// Writes the summary of a window's suppressed failures (EventId 5), at their level, when the handler's events
    /// of failed requests are written at all.
    /// </summary>
    public void WriteSummary(ErrorStormSummary summary)
    {
        try
        {
            if (IsEnabled(summary.Level))
            {
                Log.ErrorStormSummary(
                    _logger,
                    summary.Level,
                    summary.SuppressedCount,
                    summary.ExceptionType,
                    summary.Fingerprint,
                    summary.StatusCode,
                    summary.WindowStart,
                    summary.WindowEnd,
                    summary.SampleTraceIds);
            }
        }
        catch (Exception)
        {
            // A failing log provider must neither cost a client its response nor stop the timer.
        }
    }

    public void Write(RequestFailure failure)
    {
        try
        {
            var attached = failure.AttachesException ? failure.Exception : null;
            var headers = failure.RequestHeaders is { } requestHeaders ? RequestEcho.HeadersAsJson(requestHeaders) : null;
            var state = new FailureLogState(failure, failure.ExceptionRenderingFailure, headers);
            try
            {
                _logger.Log(failure.LogLevel, failure.EventId, state, attached, FailureLogState.Formatter);
            }
            catch (Exception) when (attached is not null && ExceptionRenderingProbe.FindToStringFailure(attached) is { } missedFailure)
            {
                // A provider rendered the exception in a way the probe could not foresee and failed with it:
                // the event is written again without the exception, so the failure does not vanish from the logs.
                var withoutException = new FailureLogState(failure, missedFailure, headers);
                _logger.Log(failure.LogLevel, failure.EventId, withoutException, null, FailureLogState.Formatter);
            }
        }
        catch (Exception)
        {
            // A failing log provider must not cost the client its response.
        }
    }
}
