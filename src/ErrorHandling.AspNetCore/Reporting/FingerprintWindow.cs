namespace ErrorHandling.AspNetCore;

/// <summary>
/// The current window of one fingerprint in error-storm mode: when it started and how many failures
/// it has counted.
/// </summary>
internal sealed class FingerprintWindow(string fingerprint)
{
    private readonly Lock _gate = new();
    private long _start;
    private long _count;

    public string Fingerprint { get; } = fingerprint;

    /// <summary>
    /// Counts one failure at <paramref name="now"/>, starting a new window when there is none yet or
    /// the current one is <paramref name="windowLength"/> old.
    /// </summary>
    public ErrorStormOccurrence Observe(long now, long windowLength)
    {
        lock (_gate)
        {
            if (_count == 0 || now - _start >= windowLength)
            {
                _start = now;
                _count = 1;
            }
            else
            {
                _count++;
            }

            return new ErrorStormOccurrence(Fingerprint, _count);
        }
    }

    public bool HasExpired(long now, long windowLength)
    {
        lock (_gate)
        {
            return _count != 0 && now - _start >= windowLength;
        }
    }
}
