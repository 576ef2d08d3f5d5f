namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>One row of the load summary: a server mode under one logging set-up on one endpoint.</summary>
/// <param name="Logging">off, json or serilog.</param>
/// <param name="Endpoint">ok, fail or fail-deep.</param>
/// <param name="Mode">none, framework, ours, ours-storm, ours-summary, floor or floor-repeat.</param>
/// <param name="Rounds">How many rounds the medians are taken over.</param>
/// <param name="DurationSeconds">The length of one wrk run.</param>
/// <param name="Connections">wrk's connection count.</param>
/// <param name="MedianRequestsPerSecond">The median of the rounds' requests/s.</param>
/// <param name="MinRequestsPerSecond">The slowest round's requests/s.</param>
/// <param name="MaxRequestsPerSecond">The fastest round's requests/s.</param>
/// <param name="RatioToFramework">The median of the per-round ratios to the framework's handler, if measured.</param>
/// <param name="RatioToNone">The median of the per-round ratios to no handler, if measured.</param>
/// <param name="RatioToFloor">The median of the per-round ratios to the floor, if measured.</param>
/// <param name="RatioToFloorRepeat">The median of the per-round ratios to the floor writing a repeat's event, if measured.</param>
/// <param name="MedianAllocatedBytesPerRequest">The median of the rounds' bytes allocated per request.</param>
/// <param name="MedianGcPausePercent">The median of the rounds' shares of the run spent paused for garbage collection.</param>
internal sealed record LoadResult(
    string Logging,
    string Endpoint,
    string Mode,
    int Rounds,
    double DurationSeconds,
    int Connections,
    double MedianRequestsPerSecond,
    double MinRequestsPerSecond,
    double MaxRequestsPerSecond,
    double? RatioToFramework,
    double? RatioToNone,
    double? RatioToFloor,
    double? RatioToFloorRepeat,
    double MedianAllocatedBytesPerRequest,
    double MedianGcPausePercent);
