using System.Globalization;

namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>
/// Summarises the raw runs: per logging, endpoint and mode, the median, slowest and fastest round, the medians of
/// the per-round ratios to the framework's handler, to no handler and to both floors, and the medians of the bytes allocated per
/// request and of the GC pause share.
/// </summary>
internal static class LoadSummary
{
    /// <summary>
    /// Summarises <paramref name="runs"/> (one run per mode and round, of one duration and connection count, as
    /// <see cref="LoadRawCsv"/> checks), in the order of <see cref="LoadKeys"/>; modes never measured are left out.
    /// </summary>
    public static IReadOnlyList<LoadResult> Summarise(IReadOnlyList<LoadRun> runs)
    {
        if (runs.Count == 0)
        {
            throw new ArgumentException("there are no runs to summarise.", nameof(runs));
        }

        var byRound = runs.ToDictionary(static run => (run.Round, run.Logging, run.Endpoint, run.Mode));
        var rounds = runs.Select(static run => run.Round).Distinct().ToArray();
        var results = new List<LoadResult>();
        foreach (var logging in LoadKeys.Loggings)
        {
            foreach (var endpoint in LoadKeys.Endpoints)
            {
                foreach (var mode in LoadKeys.Modes)
                {
                    var measured = runs.Where(run => run.Logging == logging && run.Endpoint == endpoint && run.Mode == mode).ToArray();
                    if (measured.Length == 0)
                    {
                        continue;
                    }

                    results.Add(new LoadResult(
                        logging,
                        endpoint,
                        mode,
                        measured.Length,
                        runs[0].DurationSeconds,
                        runs[0].Connections,
                        Median(measured.Select(static run => run.RequestsPerSecond)),
                        measured.Min(static run => run.RequestsPerSecond),
                        measured.Max(static run => run.RequestsPerSecond),
                        PairedRatio(byRound, rounds, (logging, endpoint, mode), "framework"),
                        PairedRatio(byRound, rounds, (logging, endpoint, mode), "none"),
                        PairedRatio(byRound, rounds, (logging, endpoint, mode), "floor"),
                        PairedRatio(byRound, rounds, (logging, endpoint, mode), "floor-repeat"),
                        Median(measured.Select(static run => run.AllocatedBytesPerRequest)),
                        Median(measured.Select(static run => run.GcPausePercent))));
                }
            }
        }

        return results;
    }

    /// <summary>The middle value, or the mean of the middle two when there is an even number of values.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("a median needs at least one value.", nameof(values));
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // Ratios of runs measured minutes apart at most, within one round, so drift in the machine's speed between
    // rounds cancels out of them; a round without both runs (or with a partner at 0 requests/s) gives no ratio.
    private static double? PairedRatio(
        Dictionary<(int Round, string Logging, string Endpoint, string Mode), LoadRun> byRound,
        int[] rounds,
        (string Logging, string Endpoint, string Mode) key,
        string partnerMode)
    {
        var ratios = new List<double>(rounds.Length);
        foreach (var round in rounds)
        {
            if (byRound.TryGetValue((round, key.Logging, key.Endpoint, key.Mode), out var run)
                && byRound.TryGetValue((round, key.Logging, key.Endpoint, partnerMode), out var partner)
                && partner.RequestsPerSecond > 0)
            {
                ratios.Add(ToSixSignificantDigits(run.RequestsPerSecond / partner.RequestsPerSecond));
            }
        }

        return ratios.Count == 0 ? null : Median(ratios);
    }

    // The awk summary that wrote the committed results kept each per-round ratio as text, which awk writes with six
    // significant digits (%.6g) unless it is a whole number; rounding the same way keeps its figures reproducible to
    // the last digit. "G6" rounds the exact binary value half to even, as C's printf does.
    private static double ToSixSignificantDigits(double ratio) =>
        double.IsInteger(ratio)
            ? ratio
            : double.Parse(ratio.ToString("G6", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
