namespace ErrorHandling.AspNetCore.LoadChart.Tests;

// The committed figures are derived from the committed raw runs; these keep them from drifting apart.
public class CommittedResultsTests
{
    // Every run on the page.
    public static TheoryData<string> Runs => ["docs/performance", "docs/performance/storm"];

    [Theory]
    [MemberData(nameof(Runs))]
    public void CommittedRawRuns_Summarised_EqualTheCommittedSummary(string directory)
    {
        var runs = LoadRawCsv.Read(RepositoryRoot.PathOf($"{directory}/load-raw.csv"));

        var csv = LoadResultsCsv.Format(LoadSummary.Summarise(runs));

        Assert.Equal(File.ReadAllText(RepositoryRoot.PathOf($"{directory}/load-results.csv")), csv);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void CommittedSummary_Rendered_IsInThePerformancePage(string directory)
    {
        var results = LoadResultsCsv.Read(RepositoryRoot.PathOf($"{directory}/load-results.csv"));
        var performance = File.ReadAllText(RepositoryRoot.PathOf("docs/performance.md"));

        var tables = TableBlocks(LoadTables.Render(results));

        Assert.True(tables.Count >= 2, $"expected the two tables of every run, found {tables.Count}");
        Assert.All(tables, table => Assert.Contains(table, performance, StringComparison.Ordinal));
    }

    private static List<string> TableBlocks(string markdown)
    {
        var blocks = new List<string>();
        var block = "";
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith('|'))
            {
                block += line + "\n";
            }
            else if (block.Length > 0)
            {
                blocks.Add(block);
                block = "";
            }
        }

        return blocks;
    }
}
