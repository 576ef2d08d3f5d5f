using System.Collections.Concurrent;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Error-storm mode: decides, for each failure, whether its reports (the log event, the activity's
/// exception event, the observers) carry the exception, and, with
/// <see cref="GlobalErrorHandlerOptions.ErrorStormEventsPerWindow"/>, whether it gets a log event at all. Within a
/// window, only the first failure of each <see cref="ExceptionFingerprint"/> carries the exception; the repeats
/// carry the fingerprint and their occurrence count instead, so nothing renders the same stack thousands of times
/// a second. Past the cap, a repeat gets no event and is counted in the window's <see cref="ErrorStormSummary"/>.
/// No failure is ever dropped.
/// </summary>
/// <remarks>
/// Each fingerprint's window starts with its first failure and lasts
/// <see cref="GlobalErrorHandlerOptions.ErrorStormWindow"/>, measured with the injected
/// <see cref="TimeProvider"/>; the next failure after it starts a new window, with the exception
/// attached again. At most <see cref="DefaultCapacity"/> fingerprints are tracked. When the table is full,
/// fingerprints whose window has passed are removed (at most once per window, so a flood of distinct
/// failures does not turn into a scan per request); a new fingerprint that still finds no room is
/// not tracked, and every failure of it is logged with its exception and an occurrence count of 1.
/// With the cap on, a timer of the same <see cref="TimeProvider"/> closes the windows that are over, whether or
/// not traffic continues, and <see cref="Stop"/> closes every open one; each closed window that suppressed a
/// failure writes its summary. The table holds fingerprints, counts and trace ids only, never an exception.
/// </remarks>
internal sealed class ErrorStormFilter
{
    public const int DefaultCapacity = GlobalErrorHandlerOptions.MaxErrorStormFingerprints;

    // The longest period a timer takes; a longer window is closed by the first tick after it ends.
    private static readonly TimeSpan MaxTimerPeriod = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<ulong, FingerprintWindow> _windows = new();
    private readonly Lock _sweepGate = new();
    private readonly ErrorStormSettings _settings;
    private readonly Action<ErrorStormSummary>? _writeSummary;
    private readonly int _capacity;
    private readonly ITimer? _timer;
    private int _tracked;
    private long _nextSweep;
    private volatile bool _stopped;

    public ErrorStormFilter(
        TimeSpan window,
        TimeProvider timeProvider,
        int capacity = DefaultCapacity,
        int? eventsPerWindow = null,
        Action<ErrorStormSummary>? writeSummary = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);

        _settings = new ErrorStormSettings(window, eventsPerWindow, timeProvider);
        _capacity = capacity;
        _writeSummary = writeSummary;
        if (eventsPerWindow is not null)
        {
            var period = window < MaxTimerPeriod ? window : MaxTimerPeriod;
            _timer = timeProvider.CreateTimer(static state => ((ErrorStormFilter)state!).CloseWindows(hostStopping: false), this, period, period);
        }
    }

    /// <summary>Gets how many fingerprints the table holds; never more than the capacity.</summary>
    public int TrackedCount => Volatile.Read(ref _tracked);

    public ErrorStormOccurrence Observe(Exception exception, in FailedRequestFacts failure)
    {
        var key = ExceptionFingerprint.Compute(exception);
        var now = _settings.TimeProvider.GetTimestamp();

        // A window taken out of the table between the lookup and the count is looked up again, so that no failure
        // is counted in a window whose summary has already been written.
        for (var attempt = 0; attempt < 3 && !_stopped; attempt++)
        {
            if (!_windows.TryGetValue(key, out var window))
            {
                if (Volatile.Read(ref _tracked) >= _capacity && !TryMakeRoom(now))
                {
                    break;
                }

                var created = new FingerprintWindow(ExceptionFingerprint.Format(key), _settings);
                if (!_windows.TryAdd(key, created))
                {
                    continue;
                }

                Interlocked.Increment(ref _tracked);
                window = created;
            }

            var occurrence = window.Observe(now, failure, out var closed);
            if (closed is not null)
            {
                _writeSummary?.Invoke(closed);
            }

            if (occurrence is { } decided)
            {
                return decided;
            }
        }

        // No room, or the host has stopped: logged in full, never dropped.
        return new ErrorStormOccurrence(ExceptionFingerprint.Format(key), 1);
    }

    /// <summary>
    /// Closes every open window and writes the summaries of those that suppressed failures, when the host stops;
    /// later failures are logged in full.
    /// </summary>
    public void Stop()
    {
        _stopped = true;
        _timer?.Dispose();
        CloseWindows(hostStopping: true);
    }

    private bool TryMakeRoom(long now)
    {
        if (now < Volatile.Read(ref _nextSweep) || !_sweepGate.TryEnter())
        {
            return false;
        }

        try
        {
            if (now < _nextSweep)
            {
                return false;
            }

            var windowLength = _settings.WindowLength;
            Volatile.Write(ref _nextSweep, now > long.MaxValue - windowLength ? long.MaxValue : now + windowLength);
            CloseWindows(hostStopping: false);
            return Volatile.Read(ref _tracked) < _capacity;
        }
        finally
        {
            _sweepGate.Exit();
        }
    }

    // Removes the windows that are over (every window when the host stops) and writes their summaries.
    private void CloseWindows(bool hostStopping)
    {
        var now = _settings.TimeProvider.GetTimestamp();
        foreach (var entry in _windows)
        {
            if (!entry.Value.TryRetire(now, hostStopping, out var summary))
            {
                continue;
            }

            if (_windows.TryRemove(entry))
            {
                Interlocked.Decrement(ref _tracked);
            }

            if (summary is not null)
            {
                _writeSummary?.Invoke(summary);
            }
        }
    }
}
