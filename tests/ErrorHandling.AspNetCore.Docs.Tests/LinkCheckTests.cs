using ErrorHandling.AspNetCore.Docs.Tests.Checks;

namespace ErrorHandling.AspNetCore.Docs.Tests;

public class LinkCheckTests
{
    private static IReadOnlyList<string> Check(string readme)
    {
        using var repository = new TemporaryRepository()
            .With("docs/mapping.md", "# Mapping\n\n## Map an exception to a status\n\n## `Map<T>` overloads\n\n## Example\n\n## Example\n")
            .With("docs/performance/load.png", "png")
            .With("README.md", readme);

        return LinkCheck.Run(DocumentationSet.Load(repository.Root));
    }

    [Theory]
    [InlineData("[m](docs/mapping.md)")]
    [InlineData("[m](docs/mapping.md#map-an-exception-to-a-status)")]
    [InlineData("[m](docs/mapping.md#mapt-overloads)")]
    [InlineData("[m](docs/mapping.md#example-1)")]
    [InlineData("[m](./docs/mapping.md#example)")]
    [InlineData("![chart](docs/performance/load.png)")]
    [InlineData("[folder](docs/performance)")]
    [InlineData("[in page](#readme)")]
    [InlineData("[m][ref]\n\n[ref]: docs/mapping.md#example")]
    [InlineData("[site](https://example.com/nowhere.md#nothing) [mail](mailto:a@example.com)")]
    public void Run_LinkThatResolves_ReportsNothing(string link)
    {
        Assert.Empty(Check($"# Readme\n\n{link}\n"));
    }

    [Fact]
    public void Run_LinkToMissingFile_ReportsPageAndLine()
    {
        var problem = Assert.Single(Check("# Readme\n\nSee [c](docs/configuration.md).\n"));

        Assert.Equal("README.md:3: 'docs/configuration.md': no such file in the repository.", problem);
    }

    [Fact]
    public void Run_AnchorNoHeadingHas_ReportsTheAnchor()
    {
        var problem = Assert.Single(Check("# Readme\n\n[m](docs/mapping.md#map-to-404)\n"));

        Assert.Equal("README.md:3: 'docs/mapping.md#map-to-404': docs/mapping.md has no heading with anchor '#map-to-404'.", problem);
    }

    [Fact]
    public void Run_InPageAnchorNoHeadingHas_ReportsIt()
    {
        var problem = Assert.Single(Check("# Readme\n\n[x](#install)\n"));

        Assert.Equal("README.md:3: '#install': README.md has no heading with anchor '#install'.", problem);
    }

    [Fact]
    public void Run_ThirdDuplicateAnchorWhenOnlyTwoHeadings_ReportsIt()
    {
        Assert.Single(Check("# Readme\n\n[m](docs/mapping.md#example-2)\n"));
    }

    [Fact]
    public void Run_LinkFromAPageInASubdirectory_ResolvesFromThatDirectory()
    {
        using var repository = new TemporaryRepository()
            .With("README.md", "# R\n")
            .With("docs/a.md", "# A\n\n[back](../README.md#r) [b](b.md) [wrong](docs/b.md)\n")
            .With("docs/b.md", "# B\n");

        var problem = Assert.Single(LinkCheck.Run(DocumentationSet.Load(repository.Root)));

        Assert.Equal("docs/a.md:3: 'docs/b.md': no such file in the repository.", problem);
    }
}
