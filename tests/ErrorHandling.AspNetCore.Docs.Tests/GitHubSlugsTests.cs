using ErrorHandling.AspNetCore.Docs.Tests.Checks;

namespace ErrorHandling.AspNetCore.Docs.Tests;

public class GitHubSlugsTests
{
    [Theory]
    [InlineData("Install", "install")]
    [InlineData("Map an exception to a status", "map-an-exception-to-a-status")]
    [InlineData("Minimal Program.cs", "minimal-programcs")]
    [InlineData("What a Production client sees (and why)", "what-a-production-client-sees-and-why")]
    [InlineData("Error-storm mode", "error-storm-mode")]
    [InlineData("snake_case stays", "snake_case-stays")]
    [InlineData("Headers: reset, preserved & no-cache", "headers-reset-preserved--no-cache")]
    [InlineData("Über Ärger", "über-ärger")]
    public void Slug_OfHeadingText_IsGitHubsAnchor(string heading, string expected)
    {
        Assert.Equal(expected, GitHubSlugs.Slug(heading));
    }

    [Fact]
    public void Add_SameHeadingThreeTimes_NumbersTheDuplicates()
    {
        var slugs = new GitHubSlugs();

        var anchors = new[] { slugs.Add("Example"), slugs.Add("Example"), slugs.Add("Example") };

        Assert.Equal(["example", "example-1", "example-2"], anchors);
    }

    [Fact]
    public void Add_DuplicateWhoseNumberedFormIsTaken_SkipsToTheNextNumber()
    {
        var slugs = new GitHubSlugs();

        var anchors = new[] { slugs.Add("Example 1"), slugs.Add("Example"), slugs.Add("Example") };

        Assert.Equal(["example-1", "example", "example-2"], anchors);
    }

    [Fact]
    public void Parse_HeadingWithCodeSpanAndEmphasis_AnchorKeepsTheCodeTextDropsTheMarkers()
    {
        var page = MarkdownPage.Parse("page.md", "# Minimal `Program.cs`\n\n## The *real* [link](x.md) text\n");

        Assert.Equal(["minimal-programcs", "the-real-link-text"], page.Anchors.Order(StringComparer.Ordinal));
    }
}
