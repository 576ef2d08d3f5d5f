using ErrorHandling.AspNetCore.Docs.Tests.Checks;

namespace ErrorHandling.AspNetCore.Docs.Tests;

public class UnusedRegionCheckTests
{
    [Fact]
    public void Run_RegionNoBlockShows_ReportsIt()
    {
        using var repository = new TemporaryRepository()
            .With("docs/snippets/S.cs", "// <used>\nA();\n// </used>\n// <dead>\nB();\n// </dead>\n")
            .With("docs/page.md", "<!-- snippet: docs/snippets/S.cs#used -->\n```csharp\nA();\n```\n");

        var problem = Assert.Single(UnusedRegionCheck.Run(DocumentationSet.Load(repository.Root)));

        Assert.Equal("docs/snippets/S.cs: region 'dead' is shown by no block of the documentation.", problem);
    }

    [Fact]
    public void Run_EveryRegionShown_ReportsNothing()
    {
        using var repository = new TemporaryRepository()
            .With("docs/snippets/S.cs", "// <used>\nA();\n// </used>\n")
            .With("docs/snippets/obj/Generated.cs", "// <generated>\n// </generated>\n")
            .With("README.md", "<!-- snippet: docs/snippets/S.cs#used -->\n```csharp\nA();\n```\n");

        Assert.Empty(UnusedRegionCheck.Run(DocumentationSet.Load(repository.Root)));
    }

    [Fact]
    public void Run_MalformedSnippetFile_ReportsIt()
    {
        using var repository = new TemporaryRepository()
            .With("docs/snippets/S.cs", "// <open>\nA();\n");

        var problem = Assert.Single(UnusedRegionCheck.Run(DocumentationSet.Load(repository.Root)));

        Assert.StartsWith("docs/snippets/S.cs: line 1: region 'open' is never closed", problem, StringComparison.Ordinal);
    }
}
