using System.Globalization;
using System.Text;

namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>
/// Renders the load summary as the markdown docs/performance.md carries: requests/s and paired ratios
/// per logging and endpoint, then bytes allocated and GC pause share per failed request, per failing endpoint.
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

    // A logging and endpoint get a row when one of these was measured: the floor alone compares with nothing.
    private static readonly string[] ComparedModes = [.. LoadKeys.Modes.Where(static mode => mode != "floor")];

    /// <summary>Renders both tables with the lines that introduce them; every line ends with a line feed.</summary>
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

                markdown.Append(invariant, $"| {LoggingLabels[logging]} | `/{endpoint}` |");
                foreach (var mode in LoadKeys.Modes)
                {
                    var cell = byKey.TryGetValue((logging, endpoint, mode), out var result) ? Thousands(result.MedianRequestsPerSecond) : Missing;
                    markdown.Append(invariant, $" {cell} |");
                }

                foreach (var (mode, ratio) in RatioColumns)
                {
                    var value = byKey.TryGetValue((logging, endpoint, mode), out var result) ? ratio(result) : null;
                    markdown.Append(invariant, $" {(value is { } v ? v.ToString("F2", invariant) : Missing)} |");
                }

                markdown.Append('\n');
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
                foreach (var mode in LoadKeys.Modes)
                {
                    var cell = byKey.TryGetValue((logging, endpoint, mode), out var result)
                        ? string.Create(invariant, $"{Thousands(result.MedianAllocatedBytesPerRequest)} B, {result.MedianGcPausePercent:F2}%")
                        : Missing;
                    markdown.Append(invariant, $" {cell} |");
                }

                markdown.Append('\n');
            }
        }

        return markdown.ToString();
    }

    // "N0" rounds the exact binary value half to even, as the script's printf("%.0f") did, then groups the digits.
    private static string Thousands(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
