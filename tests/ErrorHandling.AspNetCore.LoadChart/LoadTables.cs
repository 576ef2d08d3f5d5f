using System.Globalization;
using System.Text;

namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>
/// Renders the load summary as the markdown docs/performance.md carries: requests/s and paired ratios
/// per logging and endpoint, then bytes allocated and GC pause share per failed request, per failing endpoint, and,
/// when the floor writing a repeat's event was measured, an error-storm repeat beside both floors.
/// </summary>
internal static class LoadTables
{
    private const string Missing = "—";

    private static readonly Dictionary<string, string> LoggingLabels = new(StringComparer.Ordinal)
    {
        ["off"] = "off",
        ["json"] = "JSON console",
        ["serilog"] = "Serilog (compact JSON)",
    };

    private static readonly (string Mode, Func<LoadResult, double?> Ratio)[] RatioColumns =
    [
        ("ours", static r => r.RatioToFramework),
        ("ours", static r => r.RatioToNone),
        ("ours-storm", static r => r.RatioToFramework),
        ("ours-summary", static r => r.RatioToFramework),
        ("ours-storm", static r => r.RatioToFloor),
        ("floor", static r => r.RatioToFramework),
    ];

    // The modes of the first two tables; the floor writing a repeat's event has a table of its own.
    private static readonly string[] TableModes = [.. LoadKeys.Modes.Where(static mode => mode != "floor-repeat")];

    // A logging and endpoint get a row when one of these was measured: the floor alone compares with nothing.
    private static readonly string[] ComparedModes = [.. TableModes.Where(static mode => mode != "floor")];

    private static readonly string[] RepeatModes = ["floor", "floor-repeat", "ours-storm", "ours-summary"];

    private static readonly (string Mode, Func<LoadResult, double?> Ratio)[] RepeatRatioColumns =
    [
        ("floor-repeat", static r => r.RatioToFloor),
        ("ours-storm", static r => r.RatioToFloorRepeat),
        ("ours-storm", static r => r.RatioToFloor),
        ("ours-summary", static r => r.RatioToFloor),
    ];

    /// <summary>Renders the tables with the lines that introduce them; every line ends with a line feed.</summary>
    public static string Render(IReadOnlyList<LoadResult> results)
    {
        var byKey = new Dictionary<(string Logging, string Endpoint, string Mode), LoadResult>();
        foreach (var result in results)
        {
            byKey[(result.Logging, result.Endpoint, result.Mode)] = result;
        }

        var setup = LoadRunSetup.Of(results);
        var invariant = CultureInfo.InvariantCulture;
        var markdown = new StringBuilder()
            .Append(invariant, $"wrk -t1 -c{setup.Connections} -d{setup.DurationSeconds}s against one server at a time, each pinned to its own core; {setup.Rounds} round{(setup.Rounds == 1 ? "" : "s")}.\n")
            .Append("Requests/s are medians of the rounds; ratios are medians of the per-round ratios.\n")
            .Append('\n')
            .Append("| logging | endpoint | no handler | framework | ours | ours + storm | ours + summary | floor | ours / framework | ours / no handler | ours + storm / framework | ours + summary / framework | ours + storm / floor | floor / framework |\n")
            .Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var logging in LoadKeys.Loggings)
        {
            foreach (var endpoint in LoadKeys.Endpoints)
            {
                if (!ComparedModes.Any(mode => byKey.ContainsKey((logging, endpoint, mode))))
                {
                    continue;
                }

                AppendRequestsRow(markdown, byKey, logging, endpoint, TableModes, RatioColumns);
            }
        }

        markdown
            .Append('\n')
            .Append("Per failed request, medians of the rounds: bytes allocated by the server, and the share of each run it spent paused for garbage collection.\n")
            .Append('\n')
            .Append("| logging | endpoint | no handler | framework | ours | ours + storm | ours + summary | floor |\n")
            .Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var logging in LoadKeys.Loggings)
        {
            foreach (var endpoint in LoadKeys.FailingEndpoints)
            {
                if (!ComparedModes.Any(mode => byKey.ContainsKey((logging, endpoint, mode))))
                {
                    continue;
                }

                markdown.Append(invariant, $"| {LoggingLabels[logging]} | `/{endpoint}` |");
                foreach (var mode in TableModes)
                {
                    var cell = byKey.TryGetValue((logging, endpoint, mode), out var result)
                        ? string.Create(invariant, $"{Thousands(result.MedianAllocatedBytesPerRequest)} B, {result.MedianGcPausePercent:F2}%")
                        : Missing;
                    markdown.Append(invariant, $" {cell} |");
                }

                markdown.Append('\n');
            }
        }

        AppendRepeatTable(markdown, byKey);
        return markdown.ToString();
    }

    private static void AppendRepeatTable(StringBuilder markdown, Dictionary<(string Logging, string Endpoint, string Mode), LoadResult> byKey)
    {
        if (!byKey.Keys.Any(static key => key.Mode == "floor-repeat"))
        {
            return;
        }

        markdown
            .Append('\n')
            .Append("An error-storm repeat beside the floor and the floor writing the event a repeat carries: requests/s and ratios, as above.\n")
            .Append('\n')
            .Append("| logging | endpoint | floor | floor + repeat's event | ours + storm | ours + summary | floor + repeat's event / floor | ours + storm / floor + repeat's event | ours + storm / floor | ours + summary / floor |\n")
            .Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var logging in LoadKeys.Loggings)
        {
            foreach (var endpoint in LoadKeys.FailingEndpoints)
            {
                if (!byKey.ContainsKey((logging, endpoint, "floor-repeat")))
                {
                    continue;
                }

                AppendRequestsRow(markdown, byKey, logging, endpoint, RepeatModes, RepeatRatioColumns);
            }
        }
    }

    // One row of requests/s: a cell per mode, then a cell per ratio column; "—" where a mode or ratio is missing.
    private static void AppendRequestsRow(
        StringBuilder markdown,
        Dictionary<(string Logging, string Endpoint, string Mode), LoadResult> byKey,
        string logging,
        string endpoint,
        string[] modes,
        (string Mode, Func<LoadResult, double?> Ratio)[] ratioColumns)
    {
        var invariant = CultureInfo.InvariantCulture;
        markdown.Append(invariant, $"| {LoggingLabels[logging]} | `/{endpoint}` |");
        foreach (var mode in modes)
        {
            var cell = byKey.TryGetValue((logging, endpoint, mode), out var result) ? Thousands(result.MedianRequestsPerSecond) : Missing;
            markdown.Append(invariant, $" {cell} |");
        }

        foreach (var (mode, ratio) in ratioColumns)
        {
            var cell = byKey.TryGetValue((logging, endpoint, mode), out var result) && ratio(result) is { } value
                ? value.ToString("F2", invariant)
                : Missing;
            markdown.Append(invariant, $" {cell} |");
        }

        markdown.Append('\n');
    }

    // "N0" rounds the exact binary value half to even, as the script's printf("%.0f") did, then groups the digits.
    private static string Thousands(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
