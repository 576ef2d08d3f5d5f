namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>Reads the raw runs scripts/load.sh writes (docs/performance/load-raw.csv).</summary>
internal static class LoadRawCsv
{
    private static readonly string[] Columns =
    [
        "round", "mode", "logging", "endpoint", "requests_per_second", "duration_s", "connections",
        "allocated_bytes_per_request", "gc_pause_percent",
    ];

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<LoadRun> Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>
    /// Parses the runs of one load run; fails, naming the line, on a name the summary does not know (it would drop
    /// the row) and on runs of another duration or connection count than the first (the summary states one of each).
    /// </summary>
    public static IReadOnlyList<LoadRun> Parse(string text, string source)
    {
        var table = CsvTable.Parse(text, source, Columns);
        var runs = new List<LoadRun>(table.Count);
        var measured = new HashSet<(int Round, string Logging, string Endpoint, string Mode)>();
        for (var row = 0; row < table.Count; row++)
        {
            var run = new LoadRun(
                table.WholeNumber(row, "round"),
                Known(table, row, "logging", LoadKeys.Loggings),
                Known(table, row, "endpoint", LoadKeys.Endpoints),
                Known(table, row, "mode", LoadKeys.Modes),
                table.Number(row, "requests_per_second"),
                table.WholeNumber(row, "duration_s"),
                table.WholeNumber(row, "connections"),
                table.Number(row, "allocated_bytes_per_request"),
                table.Number(row, "gc_pause_percent"));
            if (runs.Count > 0 && (run.DurationSeconds != runs[0].DurationSeconds || run.Connections != runs[0].Connections))
            {
                throw table.Error(row, $"a run of {run.DurationSeconds} s with {run.Connections} connections, the first is of {runs[0].DurationSeconds} s with {runs[0].Connections}; summarise one load run at a time.");
            }

            if (!measured.Add((run.Round, run.Logging, run.Endpoint, run.Mode)))
            {
                throw table.Error(row, $"round {run.Round} already has a run of {run.Mode} with logging {run.Logging} on /{run.Endpoint}.");
            }

            runs.Add(run);
        }

        return runs;
    }

    private static string Known(CsvTable table, int row, string column, IReadOnlyList<string> names)
    {
        var text = table.Text(row, column);
        return names.Contains(text, StringComparer.Ordinal)
            ? text
            : throw table.Error(row, $"{column} is '{text}', expected one of {string.Join(", ", names)}.");
    }
}
