using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore.Tests.Responses;

public sealed partial class HtmlErrorPageWriterTests
{
    private const string TraceId = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private static string Render(int status, string? title, string? detail, string? traceId, Exception? exception)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (traceId is not null)
        {
            problem.Extensions["traceId"] = traceId;
        }

        using var page = HtmlErrorPageWriter.Render(problem, status, exception, JsonSerializerOptions.Default);
        return Encoding.UTF8.GetString(page.WrittenMemory.Span);
    }

    private static SentinelSecretException Thrown()
    {
        try
        {
            Throwers.ThrowSentinelFromDeepInside();
            throw new InvalidOperationException("unreachable");
        }
        catch (SentinelSecretException exception)
        {
            return exception;
        }
    }

    [Fact]
    public void Page_ExceptionWhoseGettersThrow_ShowsPlaceholdersLikeTheJsonBody()
    {
        var html = Render(500, "An error occurred while processing your request.", "detail", TraceId, new HostileExceptions.MessageThrowsException());

        Assert.Contains("(Message unavailable: its getter threw System.InvalidOperationException)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_WithoutDetails_IsACompleteAccessibleDocument()
    {
        var html = Render(500, "An error occurred while processing your request.", "An unexpected error occurred.", TraceId, null);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>500 Internal Server Error \u2013 An error occurred while processing your request.</title>", html, StringComparison.Ordinal);
        Assert.Contains("<main>\n<p class=\"status\">Error 500 Internal Server Error</p>\n<h1>An error occurred while processing your request.</h1>\n<p>An unexpected error occurred.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Trace id</dt><dd><code>" + TraceId + "</code></dd>", html, StringComparison.Ordinal);
        Assert.Contains("@media (prefers-color-scheme:dark)", html, StringComparison.Ordinal);
        Assert.EndsWith("</main>\n</body>\n</html>\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception details", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_NoTitle_UsesTheReasonPhrase()
    {
        var html = Render(418, null, null, null, null);

        Assert.Contains("<h1>I&#x27;m a teapot</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Trace id", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_WithDetails_ShowsTypeMessageStackOneFrameALineAndInner()
    {
        var exception = Thrown();

        var html = Render(500, "title", Throwers.Message, TraceId, exception);

        Assert.Contains("<h3>Exception: <code>" + typeof(SentinelSecretException).FullName + "</code></h3>\n<p>" + Throwers.Message + "</p>\n<pre>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Inner exception (level 1): <code>System.FormatException</code></h3>\n<p>" + Throwers.InnerMessage + "</p>", html, StringComparison.Ordinal);
        var stack = html[(html.IndexOf("<pre>", StringComparison.Ordinal) + 5)..html.IndexOf("</pre>", StringComparison.Ordinal)];
        var lines = stack.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("   at ", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(nameof(Throwers.ThrowSentinelFromDeepInside), StringComparison.Ordinal));
    }

    [Fact]
    public void Page_MarkupInEveryValue_IsEncoded()
    {
        const string Markup = "<script>alert(1)</script><img src=x onerror=alert(1)>\"'&";

        var html = Render(500, Markup, Markup, Markup, new InvalidOperationException(Markup));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#x27;&amp;", html, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Count(html, "&lt;script&gt;"));
    }

    [Fact]
    public void Page_NonAsciiText_IsEncodedAsCharacterReferences()
    {
        var html = Render(500, "Bestellung fehlgeschlagen \u2013 \u00e4\u00f6\u00fc", null, null, null);

        Assert.Contains("<h1>Bestellung fehlgeschlagen &#x2013; &#xE4;&#xF6;&#xFC;</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_DeepInnerChain_IsBoundedLikeTheJsonBody()
    {
        Exception exception = new InvalidOperationException("level 20");
        for (var level = 19; level >= 0; level--)
        {
            exception = new InvalidOperationException("level " + level, exception);
        }

        var html = Render(500, "title", null, null, exception);

        Assert.Contains("<p>level " + ExceptionDepthBounds.MaxInnerExceptionDepth + "</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>level " + (ExceptionDepthBounds.MaxInnerExceptionDepth + 1) + "</p>", html, StringComparison.Ordinal);
        Assert.Contains("Deeper inner exceptions are not shown.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_LargeAggregate_ListsTheFirstInnerExceptionsOnly()
    {
        var exception = new AggregateException(Enumerable.Range(1, 20).Select(i => new TimeoutException("inner " + i)));

        var html = Render(500, "title", null, null, exception);

        Assert.Contains("Inner exception 16 of 20 (level 1)", html, StringComparison.Ordinal);
        Assert.Contains("<p>inner 16</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>inner 17</p>", html, StringComparison.Ordinal);
        Assert.Contains("4 more inner exceptions are not shown.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_FromProblemDetails_ShowsTheirValuesAndTraceIdExtension()
    {
        var problem = new ProblemDetails { Status = 409, Title = "The order is locked", Detail = "Locked orders cannot be changed." };
        problem.Extensions["traceId"] = TraceId;
        using var page = HtmlErrorPageWriter.Render(problem, 500, null, JsonSerializerOptions.Default);

        var html = Encoding.UTF8.GetString(page.WrittenMemory.Span);

        Assert.Contains("<p class=\"status\">Error 409 Conflict</p>\n<h1>The order is locked</h1>\n<p>Locked orders cannot be changed.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<code>" + TraceId + "</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentSecurityPolicy_StyleHash_MatchesTheInlineStylesheet()
    {
        var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(HtmlErrorPageWriter.Style)));

        var html = Render(500, "title", null, null, null);

        Assert.Equal(HtmlErrorPageWriter.StyleSha256, hash);
        Assert.Contains("<style>" + HtmlErrorPageWriter.Style + "</style>", html, StringComparison.Ordinal);
        Assert.Equal(
            HtmlErrorPageWriter.ContentSecurityPolicy,
            "default-src 'none'; style-src '" + hash + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    }

    [Fact]
    public void Page_RandomMarkupInEveryValue_NeverInjectsATagOrAttribute()
    {
        string[] fragments =
        [
            "<script>alert(1)</script>", "<SCRIPT SRC=//x>", "<scr<script>ipt>", "<img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>", "\" onmouseover=\"alert(1)", "' autofocus onfocus='alert(1)", "</code></h3>",
            "</pre><script>", "<!--", "-->", "<![CDATA[", "&lt;", "&#60;", "&", "<", ">", "\"", "'", "`", "=", "/",
            "javascript:alert(1)", "\n", "\r\n", "\u2028", "\u00e9", "\ud83d\ude00", "\ud800", "\0",
        ];
        var text = Gen.OneOf(Gen.OneOf(fragments), Gen.String[Gen.Char["<>\"'&=/ ab\n"], 0, 8])
            .Array[0, 12]
            .Select(parts => "m" + string.Concat(parts)); // never empty, so every optional element is rendered
        var expectedTags = Tags(RenderWithEverywhere("plain", "plain"));

        Gen.Select(text, text).Sample((message, inner) =>
        {
            var html = RenderWithEverywhere(message, inner);

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(expectedTags, Tags(html));
        }, iter: 500);
    }

    // The same values everywhere a value can appear, thrown so that the page has a stack trace too.
    private static string RenderWithEverywhere(string message, string inner)
    {
        Exception exception;
        try
        {
            throw new InvalidOperationException(message, new AggregateException(inner, new FormatException(inner)));
        }
        catch (InvalidOperationException thrown)
        {
            exception = thrown;
        }

        return Render(500, message, message, message, exception);
    }

    // Every tag with its attributes, in order: a value that injected markup would add or change one.
    private static string[] Tags(string html) => [.. TagPattern().Matches(html).Select(m => m.Value)];

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
