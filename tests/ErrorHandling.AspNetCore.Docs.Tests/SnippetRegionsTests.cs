using ErrorHandling.AspNetCore.Docs.Tests.Checks;

namespace ErrorHandling.AspNetCore.Docs.Tests;

public class SnippetRegionsTests
{
    [Fact]
    public void Read_TwoRegions_ReturnsEachBodyDedentedWithoutTheMarkers()
    {
        var source = """
            public static class Snippets
            {
                public static void A()
                {
                    // <first>
                    var a = 1;
                    if (a > 0)
                    {
                        a--;
                    }
                    // </first>
                }

                // <second-2>
                public static void B() { }
                // </second-2>
            }
            """;

        var regions = SnippetRegions.Read(source);

        Assert.Equal(["var a = 1;", "if (a > 0)", "{", "    a--;", "}"], regions["first"]);
        Assert.Equal(["public static void B() { }"], regions["second-2"]);
        Assert.Equal(2, regions.Count);
    }

    [Fact]
    public void Read_XmlDocCommentsAndOtherComments_AreNotMarkers()
    {
        var regions = SnippetRegions.Read("/// <summary>x</summary>\n// <Upper>\n// <a b>\n");

        Assert.Empty(regions);
    }

    [Theory]
    [InlineData("// <a>\n// <b>\n// </b>\n// </a>\n", "must not nest")]
    [InlineData("// <a>\nx();\n", "never closed")]
    [InlineData("// </a>\n", "closes no open region")]
    [InlineData("// <a>\n// </a>\n// <a>\n// </a>\n", "defined twice")]
    public void Read_MalformedRegions_ThrowsNamingTheProblem(string source, string expected)
    {
        var exception = Assert.Throws<FormatException>(() => SnippetRegions.Read(source));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
