namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>How a load run was made, as the tables and the chart state it above the figures.</summary>
/// <param name="Rounds">The fewest rounds any figure is a median of.</param>
/// <param name="DurationSeconds">The length of one wrk run.</param>
/// <param name="Connections">wrk's connection count.</param>
internal sealed record LoadRunSetup(int Rounds, double DurationSeconds, int Connections)
{
    /// <summary>Reads the set-up from a summary; where modes ran unequal rounds, it states the fewest.</summary>
    public static LoadRunSetup Of(IReadOnlyList<LoadResult> results) =>
        new(
            results.Min(static r => r.Rounds),
            results.Max(static r => r.DurationSeconds),
            results.Max(static r => r.Connections));
}
