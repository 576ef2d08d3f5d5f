namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>One measured wrk run: a row of the raw results scripts/load.sh writes (docs/performance/load-raw.csv).</summary>
/// <param name="Round">The round the run belongs to; runs of one round are paired for the ratios.</param>
/// <param name="Logging">off, json or serilog.</param>
/// <param name="Endpoint">ok or fail.</param>
/// <param name="Mode">none, framework, ours, ours-storm or floor.</param>
/// <param name="RequestsPerSecond">wrk's requests/s.</param>
/// <param name="DurationSeconds">The length of the run.</param>
/// <param name="Connections">wrk's connection count.</param>
/// <param name="AllocatedBytesPerRequest">The bytes the server allocated during the run, per request.</param>
/// <param name="GcPausePercent">The share of the run the server spent paused for garbage collection.</param>
internal sealed record LoadRun(
    int Round,
    string Logging,
    string Endpoint,
    string Mode,
    double RequestsPerSecond,
    int DurationSeconds,
    int Connections,
    double AllocatedBytesPerRequest,
    double GcPausePercent);
