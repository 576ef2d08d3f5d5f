using ErrorHandling.AspNetCore.Docs.Tests.Checks;

namespace ErrorHandling.AspNetCore.Docs.Tests;

public class SnippetCheckTests
{
    private const string Source = """
        public static class Snippets
        {
            public static void Map()
            {
                // <map>
                Map(404);
                // </map>
            }
        }
        """;

    [Fact]
    public void Run_BlockEqualToItsRegion_ReportsNothing()
    {
        using var repository = new TemporaryRepository()
            .With("docs/snippets/S.cs", Source)
            .With("README.md", "# R\n\n<!-- snippet: docs/snippets/S.cs#map -->\n```csharp\nMap(404);   \n```\n");

        Assert.Empty(SnippetCheck.Run(DocumentationSet.Load(repository.Root)));
    }

    [Fact]
    public void Run_BlockInAListItem_ComparesWithoutTheListIndentation()
    {
        using var repository = new TemporaryRepository()
            .With("docs/snippets/S.cs", Source)
            .With("docs/page.md", "1. Map it:\n\n   <!-- snippet: docs/snippets/S.cs#map -->\n   ```csharp\n   Map(404);\n   ```\n");

        Assert.Empty(SnippetCheck.Run(DocumentationSet.Load(repository.Root)));
    }

    [Fact]
    public void Run_BlockDiffersFromItsRegion_ReportsPageLineAndExpectedText()
    {
        using var repository = new TemporaryRepository()
            .With("docs/snippets/S.cs", Source)
            .With("docs/page.md", "# P\n\n<!-- snippet: docs/snippets/S.cs#map -->\n```csharp\nMap(500);\n```\n");

        var problem = Assert.Single(SnippetCheck.Run(DocumentationSet.Load(repository.Root)));

        Assert.Equal("docs/page.md:4: the C# block differs from docs/snippets/S.cs#map. Expected:\nMap(404);", problem);
    }

    [Theory]
    [InlineData("```csharp\nMap(404);\n```\n")]
    [InlineData("<!-- snippet: docs/snippets/S.cs#map -->\n\n```csharp\nMap(404);\n```\n")]
    [InlineData("```cs\nMap(404);\n```\n")]
    public void Run_CSharpBlockWithoutAMarkerJustAbove_ReportsTheMissingMarker(string markdown)
    {
        using var repository = new TemporaryRepository()
            .With("docs/snippets/S.cs", Source)
            .With("README.md", markdown);

        var problem = Assert.Single(SnippetCheck.Run(DocumentationSet.Load(repository.Root)));

        Assert.Contains("has no '<!-- snippet: path#region -->' line just above it", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BlocksInOtherLanguages_AreNotChecked()
    {
        using var repository = new TemporaryRepository()
            .With("README.md", "```json\n{}\n```\n\n```shell\ndotnet test\n```\n");

        Assert.Empty(SnippetCheck.Run(DocumentationSet.Load(repository.Root)));
    }

    [Fact]
    public void Run_MarkerNamesAMissingFile_ReportsIt()
    {
        using var repository = new TemporaryRepository()
            .With("README.md", "<!-- snippet: docs/snippets/Gone.cs#map -->\n```csharp\nMap(404);\n```\n");

        var problem = Assert.Single(SnippetCheck.Run(DocumentationSet.Load(repository.Root)));

        Assert.Equal("README.md:2: docs/snippets/Gone.cs#map: no such file.", problem);
    }

    [Fact]
    public void Run_MarkerNamesAMissingRegion_ReportsItWithTheRegionsThere()
    {
        using var repository = new TemporaryRepository()
            .With("docs/snippets/S.cs", Source)
            .With("README.md", "<!-- snippet: docs/snippets/S.cs#other -->\n```csharp\nMap(404);\n```\n");

        var problem = Assert.Single(SnippetCheck.Run(DocumentationSet.Load(repository.Root)));

        Assert.Equal("README.md:2: docs/snippets/S.cs has no region 'other' (regions: map).", problem);
    }

    [Fact]
    public void Run_PackageReadme_IsChecked()
    {
        using var repository = new TemporaryRepository()
            .With("src/Some.Package/README.md", "```csharp\nMap(404);\n```\n");

        var problem = Assert.Single(SnippetCheck.Run(DocumentationSet.Load(repository.Root)));

        Assert.StartsWith("src/Some.Package/README.md:1:", problem, StringComparison.Ordinal);
    }
}
