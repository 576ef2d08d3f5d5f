using System.Globalization;
using System.Text;

namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>Writes and reads the load summary (docs/performance/load-results.csv).</summary>
internal static class LoadResultsCsv
{
    /// <summary>The summary's header row.</summary>
    public const string Header =
        "logging,endpoint,mode,rounds,duration_s,connections,median_rps,min_rps,max_rps,ratio_to_framework,ratio_to_none,ratio_to_floor,ratio_to_floor_repeat,"
        + "median_allocated_bytes_per_request,median_gc_pause_percent";

    private static readonly string[] Columns = Header.Split(',');

    /// <summary>
    /// Formats the summary: requests/s and bytes to whole numbers, ratios to three decimals (empty where the partner
    /// mode was not measured), the GC pause share to two; one row per result, each ended by a line feed.
    /// </summary>
    public static string Format(IReadOnlyList<LoadResult> results)
    {
        // "F" rounds the exact binary value half to even, as C's printf (and so the awk that wrote the committed
        // summary) does: a median of 826.5 bytes is 826, a ratio of 1.0625 is 1.062.
        var invariant = CultureInfo.InvariantCulture;
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var r in results)
        {
            csv.Append(invariant, $"{r.Logging},{r.Endpoint},{r.Mode},{r.Rounds},{r.DurationSeconds},{r.Connections},")
                .Append(invariant, $"{r.MedianRequestsPerSecond:F0},{r.MinRequestsPerSecond:F0},{r.MaxRequestsPerSecond:F0},")
                .Append(invariant, $"{r.RatioToFramework:F3},{r.RatioToNone:F3},{r.RatioToFloor:F3},{r.RatioToFloorRepeat:F3},")
                .Append(invariant, $"{r.MedianAllocatedBytesPerRequest:F0},{r.MedianGcPausePercent:F2}\n");
        }

        return csv.ToString();
    }

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<LoadResult> Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>
    /// Parses a summary; <paramref name="source"/> names it in error messages. Columns are found by their header
    /// names, so their order may change.
    /// </summary>
    public static IReadOnlyList<LoadResult> Parse(string text, string source)
    {
        var table = CsvTable.Parse(text, source, Columns);
        var results = new List<LoadResult>(table.Count);
        for (var row = 0; row < table.Count; row++)
        {
            results.Add(new LoadResult(
                table.Text(row, "logging"),
                table.Text(row, "endpoint"),
                table.Text(row, "mode"),
                table.WholeNumber(row, "rounds"),
                table.Number(row, "duration_s"),
                table.WholeNumber(row, "connections"),
                table.Number(row, "median_rps"),
                table.Number(row, "min_rps"),
                table.Number(row, "max_rps"),
                table.OptionalNumber(row, "ratio_to_framework"),
                table.OptionalNumber(row, "ratio_to_none"),
                table.OptionalNumber(row, "ratio_to_floor"),
                table.OptionalNumber(row, "ratio_to_floor_repeat"),
                table.Number(row, "median_allocated_bytes_per_request"),
                table.Number(row, "median_gc_pause_percent")));
        }

        return results;
    }
}
