namespace ErrorHandling.AspNetCore;

/// <summary>What every <see cref="FingerprintWindow"/> of one <see cref="ErrorStormFilter"/> shares.</summary>
internal sealed class ErrorStormSettings
{
    public ErrorStormSettings(TimeSpan window, int? eventsPerWindow, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (eventsPerWindow is { } events)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        }

        Window = window;
        TimeProvider = timeProvider;
        EventsPerWindow = eventsPerWindow ?? long.MaxValue;
        var length = window.TotalSeconds * timeProvider.TimestampFrequency;
        WindowLength = length >= long.MaxValue ? long.MaxValue : Math.Max(1, (long)length);
    }

    /// <summary>Gets the window as configured.</summary>
    public TimeSpan Window { get; }

    /// <summary>Gets the window in ticks of <see cref="System.TimeProvider.GetTimestamp"/>.</summary>
    public long WindowLength { get; }

    /// <summary>Gets how many failures of a window keep their event; <see cref="long.MaxValue"/> when all do.</summary>
    public long EventsPerWindow { get; }

    /// <summary>Gets the time source of windows and summaries.</summary>
    public TimeProvider TimeProvider { get; }
}
