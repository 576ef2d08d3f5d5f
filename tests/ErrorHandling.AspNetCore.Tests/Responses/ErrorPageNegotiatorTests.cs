using CsCheck;
using Microsoft.Extensions.Primitives;

namespace ErrorHandling.AspNetCore.Tests.Responses;

/// <summary>Which <c>Accept</c> headers get the HTML page (true) and which problem+json (false).</summary>
public sealed class ErrorPageNegotiatorTests
{
    public const string Chrome =
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    public const string Firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    public static TheoryData<string?, bool> Table => new()
    {
        // No preference, or an API client: JSON.
        { null, false },
        { "", false },
        { "*/*", false },
        { "application/json", false },
        { "application/problem+json", false },
        { "application/*", false },
        { "text/plain", false },
        { "application/xml", false },
        { "text/html, application/json", false },
        { "text/html, application/problem+json", false },
        { "text/html;q=0.5, application/json", false },
        { "text/html;q=0.9, */*", false },
        { "text/html;q=0", false },
        { "text/html;q=0, */*", false },
        { "text/*, application/*", false },
        { "text/html;q=0.8, application/*;q=0.8", false },

        // Browsers and clients that rank HTML first: HTML.
        { Chrome, true },
        { Firefox, true },
        { "text/html", true },
        { "TEXT/HTML", true },
        { "text/*", true },
        { "text/html;q=1.000", true },
        { "text/html, application/json;q=0.999", true },
        { "application/json;q=0.5, text/html", true },
        { "application/*;q=0.1, text/html", true },
        { "text/html;level=1;q=0.8, application/json;q=0.7", true },
        { "text/html;charset=\"utf-8, really; yes\", */*;q=0.1", true },
        { " , text/html ,, ", true },
        { "text/html\t;\tq=0.5\t, */*;q=0.4", true },

        // Malformed headers never throw and mean JSON.
        { "text/html;q=2", false },
        { "text/html;q=1.5", false },
        { "text/html;q=abc", false },
        { "text/html;q=0.1234", false },
        { "text/html;q=", false },
        { "text/html;q=-1", false },
        { "text/html, garbage", false },
        { "text/html, /", false },
        { "text/html, text/", false },
        { "text/html, /html", false },
        { "text/ht ml", false },
        { "text/html;foo=\"unterminated", false },
        { "text/html, {}/json", false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void PrefersHtml_AcceptHeader_ChoosesAsTheTableSays(string? accept, bool expected)
    {
        var header = accept is null ? StringValues.Empty : new StringValues(accept);

        var prefersHtml = ErrorPageNegotiator.PrefersHtml(header);

        Assert.Equal(expected, prefersHtml);
    }

    [Fact]
    public void PrefersHtml_SeveralHeaderLines_AreReadAsOneList()
    {
        var header = new StringValues(["application/json;q=0.1", "text/html"]);

        var prefersHtml = ErrorPageNegotiator.PrefersHtml(header);

        Assert.True(prefersHtml);
    }

    [Fact]
    public void PrefersHtml_MalformedSecondHeaderLine_MeansJson()
    {
        var header = new StringValues(["text/html", "text/html;q=x"]);

        var prefersHtml = ErrorPageNegotiator.PrefersHtml(header);

        Assert.False(prefersHtml);
    }

    [Fact]
    public void PrefersHtml_ArbitraryText_NeverThrowsAndNeedsAnHtmlRange()
    {
        var text = Gen.String[Gen.Char["text/html;q=0.1,*\"\\ \t=abc"], 0, 80];

        text.Sample(
            accept =>
            {
                var prefersHtml = ErrorPageNegotiator.PrefersHtml(new StringValues(accept));

                // Only a text/html or text/* range can make a page win over JSON.
                var mentionsHtml = accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)
                    || accept.Contains("text/*", StringComparison.OrdinalIgnoreCase);
                Assert.True(mentionsHtml || !prefersHtml, $"'{accept}' chose HTML");
            },
            iter: 2000);
    }

    [Theory]
    [InlineData("application/problem+xml", true)]
    [InlineData("application/problem+xml, application/json;q=0.9", true)]
    [InlineData("text/*", true)]
    [InlineData("application/problem+xml, */*;q=0.1", true)]
    [InlineData("application/problem+xml, application/json", false)]
    [InlineData("application/problem+xml;q=0.5, application/*", false)]
    [InlineData("application/problem+xml;q=0.5, */*", false)]
    [InlineData("application/problem+json", false)]
    [InlineData("*/*", false)]
    [InlineData("", false)]
    [InlineData("application/problem+xml;q=2", false)]
    public void PrefersOtherThanJson_AcceptHeader_OnlyWhenAnotherTypeBeatsBothJsonTypes(string accept, bool expected)
    {
        var prefersOther = ErrorPageNegotiator.PrefersOtherThanJson(new StringValues(accept));

        Assert.Equal(expected, prefersOther);
    }
}
