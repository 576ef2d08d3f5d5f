using System.Text.RegularExpressions;
using ErrorHandling.AspNetCore.BrowserTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ErrorHandling.AspNetCore.BrowserTests;

/// <summary>The HTML error page as Chromium renders it, from an app on real Kestrel at 127.0.0.1.</summary>
[Collection(ChromiumCollectionDefinition.Name)]
public sealed partial class ErrorPageTests(ChromiumFixture chromium, ITestOutputHelper output)
{
    private const string Secret = "SENTINEL-BROWSER-7d1e";
    private const string InnerSecret = "SENTINEL-BROWSER-INNER-51b0";
    private const string ScriptPayload = "<script>alert(1)</script>";
    private const string ImagePayload = "<img src=x onerror=alert(1)>";

    private static Task<WebApplication> StartAsync(string environment) =>
        TestApp.StartWithHandlerAsync(
            app =>
            {
                app.MapGet("/orders/{id}", string () =>
                {
                    try
                    {
                        throw new TimeoutException(InnerSecret);
                    }
                    catch (TimeoutException inner)
                    {
                        throw new InvalidOperationException(Secret, inner);
                    }
                });
                app.MapGet("/markup", string (string payload) => throw new InvalidOperationException("Bad input: " + payload));
            },
            environment: environment,
            kestrel: true);

    private static string Url(WebApplication app, string path) => new Uri(app.KestrelAddress(), path).ToString();

    [SkippableFact]
    public async Task ThrowingEndpoint_Production_PageShowsStatusTitleGenericDetailAndTraceId()
    {
        var page = await chromium.NewPageAsync();
        await using var app = await StartAsync("Production");

        var response = await page.GotoAsync(Url(app, "/orders/42"));

        Assert.NotNull(response);
        Assert.Equal(500, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.Headers["content-type"]);
        Assert.Equal("500 Internal Server Error \u2013 An error occurred while processing your request.", await page.TitleAsync());
        Assert.Equal("An error occurred while processing your request.", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal("An unexpected error occurred.", await page.Locator("main h1 + p").InnerTextAsync());
        Assert.Matches(TraceIdPattern(), await page.Locator("dd code").InnerTextAsync());
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(InnerSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", await page.ContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "production-light", output);
    }

    [SkippableFact]
    public async Task ThrowingEndpoint_Development_PageShowsTypeMessageStackAndInner()
    {
        var page = await chromium.NewPageAsync();
        await using var app = await StartAsync("Development");

        var response = await page.GotoAsync(Url(app, "/orders/42"));

        Assert.Equal(500, response!.Status);
        Assert.Equal(Secret, await page.Locator("main h1 + p").InnerTextAsync());
        Assert.Equal("Exception details", await page.Locator("h2").InnerTextAsync());
        var headings = await page.Locator("h3").AllInnerTextsAsync();
        Assert.Equal(["Exception: System.InvalidOperationException", "Inner exception (level 1): System.TimeoutException"], headings);
        var stack = await page.Locator("pre").First.InnerTextAsync();
        Assert.All(stack.Split('\n', StringSplitOptions.RemoveEmptyEntries), frame => Assert.StartsWith("   at ", frame, StringComparison.Ordinal));
        Assert.Equal("monospace", await page.Locator("pre").First.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily.includes('monospace') ? 'monospace' : getComputedStyle(e).fontFamily"));
        Assert.Contains(InnerSecret, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "development-light", output);
    }

    [SkippableFact]
    public async Task ThrowingEndpoint_DarkColorScheme_PageUsesDarkColoursUnderItsCsp()
    {
        var light = await chromium.NewPageAsync(ColorScheme.Light);
        var dark = await chromium.NewPageAsync(ColorScheme.Dark);
        await using var app = await StartAsync("Development");
        var cspViolations = new List<string>();
        dark.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                cspViolations.Add(message.Text);
            }
        };

        await light.GotoAsync(Url(app, "/orders/42"));
        await dark.GotoAsync(Url(app, "/orders/42"));

        Assert.Equal("rgb(255, 255, 255)", await BackgroundAsync(light));
        Assert.Equal("rgb(20, 20, 23)", await BackgroundAsync(dark));
        Assert.Equal("rgb(236, 236, 241)", await dark.Locator("body").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Empty(cspViolations);
        await Screenshots.SaveAsync(dark, "development-dark", output);
    }

    [SkippableTheory]
    [InlineData(ScriptPayload, "script")]
    [InlineData(ImagePayload, "image")]
    public async Task MessageWithMarkup_Development_ShowsAsTextAndRunsNothing(string payload, string name)
    {
        var page = await chromium.NewPageAsync();
        await using var app = await StartAsync("Development");
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        var response = await page.GotoAsync(Url(app, "/markup?payload=" + Uri.EscapeDataString(payload)));
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForTimeoutAsync(250);

        Assert.Equal(500, response!.Status);
        Assert.Equal("Bad input: " + payload, await page.Locator("main h1 + p").InnerTextAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Empty(dialogs);
        await Screenshots.SaveAsync(page, "markup-" + name, output);
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.Locator("body").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    [GeneratedRegex("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$|^[0-9A-Z]{13}:[0-9A-F]{8}$")]
    private static partial Regex TraceIdPattern();
}
