namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>
/// The names scripts/load.sh measures under, in the order the summary and its tables list them: logging set-ups,
/// endpoints and server modes.
/// </summary>
internal static class LoadKeys
{
    /// <summary>Gets the logging set-ups: off, the framework's JSON console logger, Serilog's compact JSON.</summary>
    public static IReadOnlyList<string> Loggings { get; } = ["off", "json", "serilog"];

    /// <summary>
    /// Gets the endpoints: one that succeeds, one that throws four synchronous frames deep, one that throws at the
    /// end of a twelve-layer async chain.
    /// </summary>
    public static IReadOnlyList<string> Endpoints { get; } = ["ok", "fail", "fail-deep"];

    /// <summary>Gets the endpoints that throw, for which the summary's allocations are per failed request.</summary>
    public static IReadOnlyList<string> FailingEndpoints { get; } = ["fail", "fail-deep"];

    /// <summary>
    /// Gets the server modes: no handler, the framework's, ours, ours in error-storm mode (a repeat keeps its event),
    /// ours with error-storm events capped at one per window (a repeat is counted into the summary), the floor, and the
    /// floor writing the event an error-storm repeat carries.
    /// </summary>
    public static IReadOnlyList<string> Modes { get; } = ["none", "framework", "ours", "ours-storm", "ours-summary", "floor", "floor-repeat"];
}
