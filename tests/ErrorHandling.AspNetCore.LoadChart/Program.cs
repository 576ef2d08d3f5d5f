using ErrorHandling.AspNetCore.LoadChart;

// Draws docs/performance/load.png from the summary scripts/load.sh writes:
//   dotnet ErrorHandling.AspNetCore.LoadChart.dll docs/performance/load-results.csv docs/performance/load.png
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ErrorHandling.AspNetCore.LoadChart <load-results.csv> <chart.png>");
    return 2;
}

try
{
    var results = LoadResultsCsv.Read(args[0]);
    LoadChartRenderer.SavePng(results, args[1]);
    Console.WriteLine($"Chart: {args[1]}");
    return 0;
}
catch (Exception exception) when (exception is IOException or FormatException or InvalidOperationException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Could not draw the chart: {exception.Message}");
    return 1;
}
