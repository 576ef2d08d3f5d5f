using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore.Tests.Options;

public sealed class ConfigurationTests
{
    private static Task<WebApplication> StartAsync(
        Dictionary<string, string?> configuration,
        Action<GlobalErrorHandlerOptions>? configure = null) =>
        TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("SENTINEL-CONFIG")),
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration);
                if (configure is not null)
                {
                    builder.Services.AddGlobalErrorHandler(configure);
                }
            });

    [Fact]
    public async Task Section_WithEveryOption_IsBound()
    {
        await using var app = await StartAsync(new()
        {
            ["GlobalErrorHandler:ExceptionDetails"] = "always",
            ["GlobalErrorHandler:GenericDetail"] = "Configured detail.",
            ["GlobalErrorHandler:PreservedResponseHeaders:0"] = "X-Request-Id",
            ["GlobalErrorHandler:RedactedQueryParameters:0"] = "tenant",
            ["GlobalErrorHandler:RedactedHeaders:0"] = "X-Tenant-*",
        });

        var options = app.Services.GetRequiredService<IOptions<GlobalErrorHandlerOptions>>().Value;

        Assert.Equal(ExceptionDetailsPolicy.Always, options.ExceptionDetails);
        Assert.Equal("Configured detail.", options.GenericDetail);
        Assert.Equal(["Access-Control-*", "Strict-Transport-Security", "WWW-Authenticate", "X-Request-Id"], options.PreservedResponseHeaders);
        Assert.Equal("tenant", options.RedactedQueryParameters[^1]);
        Assert.Contains("token", options.RedactedQueryParameters);
        Assert.Equal([.. new GlobalErrorHandlerOptions().RedactedHeaders, "X-Tenant-*"], options.RedactedHeaders);
        Assert.Equal(["Authorization", "Cookie", "Set-Cookie", "Proxy-Authorization", "X-Api-Key"], options.RedactedHeaders.Take(5));
    }

    [Fact]
    public async Task Section_ExceptionDetailsAlways_WritesDetailsInProduction()
    {
        await using var app = await StartAsync(new() { ["GlobalErrorHandler:ExceptionDetails"] = "Always" });

        var response = await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("SENTINEL-CONFIG", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delegate_AndSectionSetTheSameOption_DelegateWins()
    {
        await using var app = await StartAsync(
            new() { ["GlobalErrorHandler:GenericDetail"] = "From configuration." },
            o => o.GenericDetail = "From code.");

        var response = await app.GetTestClient().GetAsync("/fail");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("From code.", json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Delegate_ClearsADefaultList_ConfigurationEntriesRemainOnly()
    {
        await using var app = await StartAsync(
            new() { ["GlobalErrorHandler:RedactedQueryParameters:0"] = "tenant" },
            o => o.RedactedQueryParameters.Remove("token"));

        var options = app.Services.GetRequiredService<IOptions<GlobalErrorHandlerOptions>>().Value;

        Assert.DoesNotContain("token", options.RedactedQueryParameters);
        Assert.Contains("tenant", options.RedactedQueryParameters);
    }

    [Theory]
    [InlineData("GlobalErrorHandler:ExceptionDetails", "Sometimes", "GlobalErrorHandler:ExceptionDetails", "'Sometimes'")]
    [InlineData("GlobalErrorHandler:ExceptionDetails", "7", "GlobalErrorHandler:ExceptionDetails", "'7'")]
    [InlineData("GlobalErrorHandler:GenericDetail", "", "GlobalErrorHandler:GenericDetail", "must not be empty")]
    [InlineData("GlobalErrorHandler:PreservedResponseHeaders:0", "*", "GlobalErrorHandler:PreservedResponseHeaders:0", "'*'")]
    [InlineData("GlobalErrorHandler:RedactedHeaders:2", "", "GlobalErrorHandler:RedactedHeaders:2", "must not be empty")]
    [InlineData("GlobalErrorHandler:StatusCodes:System.TimeoutException", "soon", "GlobalErrorHandler:StatusCodes:System.TimeoutException", "'soon'")]
    [InlineData("GlobalErrorHandler:HtmlErrorPages", "yes", "GlobalErrorHandler:HtmlErrorPages", "'yes'")]
    [InlineData("GlobalErrorHandler:ExceptionDetail", "Always", "GlobalErrorHandler:ExceptionDetail", "not a known option")]
    public async Task Section_WithAnInvalidValue_FailsStartupNamingOptionAndValue(
        string key, string value, string expectedOption, string expectedValue)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(
            () => StartAsync(new() { [key] = value }));

        Assert.Contains(expectedOption, exception.Message, StringComparison.Ordinal);
        Assert.Contains(expectedValue, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delegate_SetsAnEmptyGenericDetail_FailsStartup()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(
            () => StartAsync([], o => o.GenericDetail = " "));

        Assert.Contains("GlobalErrorHandler:GenericDetail", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delegate_SetsAnUndefinedPolicy_FailsStartup()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(
            () => StartAsync([], o => o.ExceptionDetails = (ExceptionDetailsPolicy)42));

        Assert.Contains("GlobalErrorHandler:ExceptionDetails has the value '42'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseGlobalErrorHandler_WithoutAddGlobalErrorHandler_ThrowsNamingTheFix()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => TestApp.StartAsync(app => app.UseGlobalErrorHandler()));

        Assert.Contains("builder.Services.AddGlobalErrorHandler()", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGlobalErrorHandler_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("services", () => ((IServiceCollection)null!).AddGlobalErrorHandler());
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddGlobalErrorHandler(null!));
        Assert.Throws<ArgumentNullException>("app", () => ((IApplicationBuilder)null!).UseGlobalErrorHandler());
    }

    [Fact]
    public async Task AddGlobalErrorHandler_CalledTwice_BindsListsOnce()
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            _ => { },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GlobalErrorHandler:RedactedHeaders:0"] = "X-Once" });
                builder.Services.AddGlobalErrorHandler();
            });

        var options = app.Services.GetRequiredService<IOptions<GlobalErrorHandlerOptions>>().Value;

        Assert.Single(options.RedactedHeaders, "X-Once");
    }

    [Fact]
    public async Task ServiceCollectionWithoutConfiguration_Resolved_UsesDefaults()
    {
        await using var provider = new ServiceCollection().AddGlobalErrorHandler().BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GlobalErrorHandlerOptions>>().Value;

        Assert.Equal(ExceptionDetailsPolicy.DevelopmentOnly, options.ExceptionDetails);
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, options.GenericDetail);
    }
}
