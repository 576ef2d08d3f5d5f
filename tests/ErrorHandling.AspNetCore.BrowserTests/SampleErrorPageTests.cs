using System.Net;
using ErrorHandling.AspNetCore.BrowserTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ErrorHandling.AspNetCore.BrowserTests;

/// <summary>The sample app as a person uses it: open the root page in Chromium and click a failing endpoint.</summary>
[Collection(ChromiumCollectionDefinition.Name)]
public sealed class SampleErrorPageTests(ChromiumFixture chromium, ITestOutputHelper output)
{
    private static WebApplicationFactory<Program> StartSample(string environment)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment(environment));
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    private static string RootUrl(WebApplicationFactory<Program> factory) => factory.ClientOptions.BaseAddress.ToString();

    [SkippableFact]
    public async Task RootPage_ClickThrow_Production_ShowsTheGenericErrorPage()
    {
        var page = await chromium.NewPageAsync();
        await using var factory = StartSample("Production");
        await page.GotoAsync(RootUrl(factory));

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "/throw", Exact = true }).ClickAsync(),
            r => r.Url.EndsWith("/throw", StringComparison.Ordinal));

        Assert.Equal(500, response.Status);
        Assert.Equal("An error occurred while processing your request.", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal("An unexpected error occurred. Quote the traceId when you contact support.", await page.Locator("main h1 + p").InnerTextAsync());
        Assert.DoesNotContain("Something went wrong in /throw.", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "sample-throw-production", output);
    }

    [SkippableFact]
    public async Task RootPage_ClickThrowInner_Development_ShowsTheExceptionChain()
    {
        var page = await chromium.NewPageAsync();
        await using var factory = StartSample("Development");
        await page.GotoAsync(RootUrl(factory));

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "/throw/inner", Exact = true }).ClickAsync(),
            r => r.Url.EndsWith("/throw/inner", StringComparison.Ordinal));

        Assert.Equal(500, response.Status);
        Assert.Equal("Loading the customer failed.", await page.Locator("main h1 + p").InnerTextAsync());
        Assert.Equal(
            ["Exception: System.InvalidOperationException", "Inner exception (level 1): System.TimeoutException"],
            await page.Locator("h3").AllInnerTextsAsync());
        await Screenshots.SaveAsync(page, "sample-throw-inner-development", output);
    }

    [SkippableFact]
    public async Task UnknownPage_Production_ShowsTheNotFoundPage()
    {
        var page = await chromium.NewPageAsync();
        await using var factory = StartSample("Production");

        var response = await page.GotoAsync(RootUrl(factory) + "no-such-page");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Not Found", await page.Locator("main h1").InnerTextAsync());
        await Screenshots.SaveAsync(page, "sample-not-found", output);
    }
}
