namespace ErrorHandling.AspNetCore.BrowserTests.Infrastructure;

/// <summary>The browser tests share one Chromium and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollectionDefinition : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
