using System.Globalization;

namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>Reads the summary that scripts/load.sh writes (docs/performance/load-results.csv).</summary>
internal static class LoadResultsCsv
{
    private static readonly string[] Columns =
    [
        "logging", "endpoint", "mode", "rounds", "duration_s", "connections",
        "median_rps", "min_rps", "max_rps", "ratio_to_framework", "ratio_to_none",
    ];

    /// <summary>Parses the summary; columns are found by their header names, so their order may change.</summary>
    public static IReadOnlyList<LoadResult> Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(static line => line.Length > 0).ToArray();
        if (lines.Length < 2)
        {
            throw new FormatException($"{path} has no results.");
        }

        var header = lines[0].Split(',');
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            var at = Array.IndexOf(header, column);
            if (at < 0)
            {
                throw new FormatException($"{path} has no column '{column}'.");
            }

            index[column] = at;
        }

        var results = new List<LoadResult>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (fields.Length != header.Length)
            {
                throw new FormatException($"{path}, line {i + 1}: {fields.Length} fields, the header has {header.Length}.");
            }

            string Text(string column) => fields[index[column]];
            double Number(string column) => double.Parse(Text(column), NumberStyles.Float, CultureInfo.InvariantCulture);
            double? OptionalNumber(string column) => Text(column).Length == 0 ? null : Number(column);

            results.Add(new LoadResult(
                Text("logging"),
                Text("endpoint"),
                Text("mode"),
                (int)Number("rounds"),
                Number("duration_s"),
                (int)Number("connections"),
                Number("median_rps"),
                Number("min_rps"),
                Number("max_rps"),
                OptionalNumber("ratio_to_framework"),
                OptionalNumber("ratio_to_none")));
        }

        return results;
    }
}
