using System.Collections.Concurrent;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Error-storm mode: decides, for each failure, whether its reports (the log event, the activity's
/// exception event, the observers) carry the exception. Within a window, only the first failure of each
/// <see cref="ExceptionFingerprint"/> does; the repeats carry the fingerprint and their occurrence count
/// instead, so nothing renders the same stack thousands of times a second. No failure is ever dropped.
/// </summary>
/// <remarks>
/// Each fingerprint's window starts with its first failure and lasts
/// <see cref="GlobalErrorHandlerOptions.ErrorStormWindow"/>, measured with the injected
/// <see cref="TimeProvider"/>; the next failure after it starts a new window, with the exception
/// attached again. At most <see cref="DefaultCapacity"/> fingerprints are tracked. When the table is full,
/// fingerprints whose window has passed are removed (at most once per window, so a flood of distinct
/// failures does not turn into a scan per request); a new fingerprint that still finds no room is
/// not tracked, and every failure of it is logged with its exception and an occurrence count of 1.
/// The table holds fingerprints and counts only, never an exception.
/// </remarks>
internal sealed class ErrorStormFilter
{
    public const int DefaultCapacity = 1024;

    private readonly ConcurrentDictionary<ulong, FingerprintWindow> _windows = new();
    private readonly Lock _sweepGate = new();
    private readonly TimeProvider _timeProvider;
    private readonly long _windowLength;
    private readonly int _capacity;
    private int _tracked;
    private long _nextSweep;

    public ErrorStormFilter(TimeSpan window, TimeProvider timeProvider, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);

        _timeProvider = timeProvider;
        _capacity = capacity;
        var length = window.TotalSeconds * timeProvider.TimestampFrequency;
        _windowLength = length >= long.MaxValue ? long.MaxValue : Math.Max(1, (long)length);
    }

    public ErrorStormOccurrence Observe(Exception exception)
    {
        var key = ExceptionFingerprint.Compute(exception);
        var now = _timeProvider.GetTimestamp();
        if (_windows.TryGetValue(key, out var window))
        {
            return window.Observe(now, _windowLength);
        }

        if (Volatile.Read(ref _tracked) >= _capacity && !TryMakeRoom(now))
        {
            return new ErrorStormOccurrence(ExceptionFingerprint.Format(key), 1);
        }

        var created = new FingerprintWindow(ExceptionFingerprint.Format(key));
        if (_windows.TryAdd(key, created))
        {
            Interlocked.Increment(ref _tracked);
            window = created;
        }
        else if (!_windows.TryGetValue(key, out window))
        {
            // Added by another request and already swept again: count this one on its own.
            window = created;
        }

        return window.Observe(now, _windowLength);
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

            Volatile.Write(ref _nextSweep, now > long.MaxValue - _windowLength ? long.MaxValue : now + _windowLength);
            foreach (var (key, window) in _windows)
            {
                if (window.HasExpired(now, _windowLength) && _windows.TryRemove(key, out _))
                {
                    Interlocked.Decrement(ref _tracked);
                }
            }

            return Volatile.Read(ref _tracked) < _capacity;
        }
        finally
        {
            _sweepGate.Exit();
        }
    }
}
