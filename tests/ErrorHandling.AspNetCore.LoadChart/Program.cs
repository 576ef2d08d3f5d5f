using ErrorHandling.AspNetCore.LoadChart;

// The end of scripts/load.sh: from what it measured, the summary, the markdown tables and the chart.
//   --from-raw docs/performance/load-raw.csv --out docs/performance
//       summarises the raw runs into load-results.csv, prints the tables and draws load.png
//   --from-results docs/performance/load-results.csv --out docs/performance
//       prints the tables and draws load.png again from a summary
const string Usage = """
    usage: ErrorHandling.AspNetCore.LoadChart --from-raw <load-raw.csv> --out <directory>
           ErrorHandling.AspNetCore.LoadChart --from-results <load-results.csv> --out <directory>
      --from-raw      writes <directory>/load-results.csv from the raw runs, prints the tables, draws <directory>/load.png
      --from-results  prints the tables and draws <directory>/load.png from a summary
    """;

if (args is ["-h" or "--help"])
{
    Console.WriteLine(Usage);
    return 0;
}

string? raw = null, summary = null, output = null;
for (var i = 0; i < args.Length; i += 2)
{
    if (i + 1 == args.Length)
    {
        return Fail($"{args[i]} needs a value.");
    }

    switch (args[i])
    {
        case "--from-raw" when raw is null:
            raw = args[i + 1];
            break;
        case "--from-results" when summary is null:
            summary = args[i + 1];
            break;
        case "--out" when output is null:
            output = args[i + 1];
            break;
        case "--from-raw" or "--from-results" or "--out":
            return Fail($"{args[i]} is given twice.");
        default:
            return Fail($"unexpected argument '{args[i]}'.");
    }
}

if ((raw is null) == (summary is null))
{
    return Fail("give either --from-raw or --from-results.");
}

if (output is null)
{
    return Fail("--out is missing.");
}

try
{
    var summaryPath = summary ?? Path.Combine(output, "load-results.csv");
    if (raw is not null)
    {
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(summaryPath, LoadResultsCsv.Format(LoadSummary.Summarise(LoadRawCsv.Read(raw))));
    }

    // The tables and the chart read the summary back as written, rounded, so a redraw from the file prints the same.
    var results = LoadResultsCsv.Read(summaryPath);
    Console.Write(LoadTables.Render(results));
    Console.WriteLine();
    if (raw is not null)
    {
        Console.WriteLine($"Raw runs: {raw}");
        Console.WriteLine($"Summary:  {summaryPath}");
    }

    var chart = Path.Combine(output, "load.png");
    LoadChartRenderer.SavePng(results, chart);
    Console.WriteLine($"Chart:    {chart}");
    return 0;
}
catch (Exception exception) when (exception is IOException or FormatException or InvalidOperationException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"LoadChart: {exception.Message}");
    return 1;
}

static int Fail(string problem)
{
    Console.Error.WriteLine($"LoadChart: {problem}");
    Console.Error.WriteLine(Usage);
    return 2;
}
