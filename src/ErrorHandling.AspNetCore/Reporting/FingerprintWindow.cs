using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The current window of one fingerprint in error-storm mode: when it started, how many failures it has counted,
/// and which of them got no log event (<see cref="GlobalErrorHandlerOptions.ErrorStormEventsPerWindow"/>). Every
/// count is taken under one lock, so the events kept and the suppressed count add up to the failures exactly.
/// </summary>
internal sealed class FingerprintWindow(string fingerprint, ErrorStormSettings settings)
{
    private readonly Lock _gate = new();
    private long _start;
    private DateTimeOffset _startTime;
    private long _count;
    private long _suppressed;
    private string _exceptionType = "";
    private int _statusCode;
    private LogLevel _level;
    private TraceIdSample? _sample;
    private bool _retired;

    public string Fingerprint { get; } = fingerprint;

    /// <summary>
    /// Counts one failure at <paramref name="now"/>, starting a new window when there is none yet or the current
    /// one is over; <paramref name="closed"/> is then the summary of the window it ends, if that one suppressed any.
    /// Returns <see langword="null"/> when the window has been taken out of the table, so the caller looks again.
    /// </summary>
    public ErrorStormOccurrence? Observe(long now, in FailedRequestFacts failure, out ErrorStormSummary? closed)
    {
        closed = null;
        lock (_gate)
        {
            if (_retired)
            {
                return null;
            }

            if (_count == 0 || now - _start >= settings.WindowLength)
            {
                closed = TakeSummary(windowEnd: null);
                _start = now;
                _startTime = settings.TimeProvider.GetUtcNow();
                _count = 1;
                return new ErrorStormOccurrence(Fingerprint, 1);
            }

            _count++;
            if (_count <= settings.EventsPerWindow)
            {
                return new ErrorStormOccurrence(Fingerprint, _count);
            }

            if (_suppressed++ == 0)
            {
                _exceptionType = failure.ExceptionType;
                _statusCode = failure.StatusCode;
                _level = failure.Level;
                _sample = new TraceIdSample();
            }

            _sample!.Add(failure.TraceId);
            return new ErrorStormOccurrence(Fingerprint, _count, IsLogSuppressed: true);
        }
    }

    /// <summary>
    /// Takes the window out of use when it is over at <paramref name="now"/>, or in any case when
    /// <paramref name="hostStopping"/>; returns whether it was, and the summary of its suppressed failures.
    /// </summary>
    public bool TryRetire(long now, bool hostStopping, out ErrorStormSummary? summary)
    {
        summary = null;
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            var over = _count != 0 && now - _start >= settings.WindowLength;
            if (!over && !hostStopping)
            {
                return false;
            }

            _retired = true;
            summary = TakeSummary(over ? null : settings.TimeProvider.GetUtcNow());
            return true;
        }
    }

    // Called under the lock. A window that ran its full length ends at its start plus the window; one cut short
    // by the host stopping ends then.
    private ErrorStormSummary? TakeSummary(DateTimeOffset? windowEnd)
    {
        if (_suppressed == 0)
        {
            return null;
        }

        var end = windowEnd ?? (DateTimeOffset.MaxValue - _startTime < settings.Window ? DateTimeOffset.MaxValue : _startTime + settings.Window);
        var summary = new ErrorStormSummary(_exceptionType, Fingerprint, _statusCode, _level, _suppressed, _startTime, end, _sample!);
        _suppressed = 0;
        _sample = null;
        return summary;
    }
}
