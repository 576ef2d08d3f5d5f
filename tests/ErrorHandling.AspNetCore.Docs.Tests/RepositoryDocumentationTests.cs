using ErrorHandling.AspNetCore.Docs.Tests.Checks;

namespace ErrorHandling.AspNetCore.Docs.Tests;

// The checks run over this repository's README.md, docs/ and the packages' NuGet readmes.
public class RepositoryDocumentationTests
{
    private static readonly DocumentationSet Documentation = DocumentationSet.Load(RepositoryRoot.FullName);

    [Fact]
    public void Documentation_OfThisRepository_HoldsTheReadmeAndEachPackagesReadme()
    {
        var paths = Documentation.Pages.Select(static page => page.Path).ToList();

        Assert.Contains("README.md", paths);
        Assert.Contains("src/ErrorHandling.AspNetCore/README.md", paths);
        Assert.Contains("src/ErrorHandling.AspNetCore.Serilog/README.md", paths);
        Assert.Contains("src/ErrorHandling.AspNetCore.OpenApi/README.md", paths);
    }

    [Fact]
    public void CSharpBlocks_InTheDocumentation_AreTheirSnippetRegions()
    {
        var problems = SnippetCheck.Run(Documentation);

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public void RelativeLinks_InTheDocumentation_ResolveToFilesAndHeadings()
    {
        var problems = LinkCheck.Run(Documentation);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void SnippetRegions_InDocsSnippets_AreEachShownByABlock()
    {
        var problems = UnusedRegionCheck.Run(Documentation);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
