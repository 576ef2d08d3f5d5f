using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ErrorHandling.AspNetCore.BrowserTests.Infrastructure;

/// <summary>
/// Keeps a PNG of each page under test as an artifact: in <c>TestResults/screenshots</c> beside the test
/// assembly, or in the folder named by <see cref="DirectoryVariable"/>.
/// </summary>
public static class Screenshots
{
    public const string DirectoryVariable = "ERRORHANDLING_SCREENSHOTS_DIR";

    public static string Directory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } directory
            ? directory
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name, ITestOutputHelper output)
    {
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
        return path;
    }
}
