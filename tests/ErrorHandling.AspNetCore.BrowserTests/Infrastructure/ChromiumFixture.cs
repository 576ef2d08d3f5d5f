using Microsoft.Playwright;

namespace ErrorHandling.AspNetCore.BrowserTests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the whole browser test collection, driven by Playwright. When the
/// executable is missing the tests skip with the reason and the install command, so <c>dotnet test</c>
/// still passes on a machine without a browser; CI sets <see cref="RequiredVariable"/> so that there a
/// missing browser fails instead.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Overrides the browser executable (default <see cref="DefaultExecutablePath"/>); point it at a missing file to see the tests skip.</summary>
    public const string ExecutablePathVariable = "ERRORHANDLING_CHROMIUM_PATH";

    /// <summary>When <c>true</c>, a missing browser fails the tests instead of skipping them (CI sets it).</summary>
    public const string RequiredVariable = "ERRORHANDLING_BROWSER_TESTS_REQUIRED";

    /// <summary>Where Debian's <c>chromium</c> package installs the browser.</summary>
    public const string DefaultExecutablePath = "/usr/bin/chromium";

    private static readonly string[] LaunchArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>Gets why the browser tests cannot run here, or <see langword="null"/> when they can.</summary>
    public string? SkipReason { get; private set; }

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(ExecutablePathVariable) is { Length: > 0 } path ? path : DefaultExecutablePath;

    public async Task InitializeAsync()
    {
        var executable = ExecutablePath;
        if (!File.Exists(executable))
        {
            SkipReason = $"Chromium was not found at {executable}. Install it with `apt-get update && apt-get install -y chromium`"
                + $" (Debian/Ubuntu), or set {ExecutablePathVariable} to a Chromium executable.";
            if (string.Equals(Environment.GetEnvironmentVariable(RequiredVariable), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(SkipReason + $" {RequiredVariable} is true, so the browser tests must run.");
            }

            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = LaunchArguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh page in its own context, or a skip when there is no browser.</summary>
    public async Task<IPage> NewPageAsync(ColorScheme colorScheme = ColorScheme.Light)
    {
        Skip.If(SkipReason is not null, SkipReason);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ColorScheme = colorScheme,
            ViewportSize = new ViewportSize { Width = 1000, Height = 700 },
            Locale = "en-US",
        });
        return await context.NewPageAsync();
    }
}
