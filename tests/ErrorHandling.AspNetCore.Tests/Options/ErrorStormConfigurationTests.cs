using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore.Tests.Options;

/// <summary>Binding and validation of <see cref="GlobalErrorHandlerOptions.ErrorStormWindow"/>.</summary>
public sealed class ErrorStormConfigurationTests
{
    private static Task<WebApplication> StartAsync(
        Dictionary<string, string?> configuration,
        Action<GlobalErrorHandlerOptions>? configure = null) =>
        TestApp.StartWithHandlerAsync(
            _ => { },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration);
                if (configure is not null)
                {
                    builder.Services.AddGlobalErrorHandler(configure);
                }
            });

    private static GlobalErrorHandlerOptions Options(WebApplication app) =>
        app.Services.GetRequiredService<IOptions<GlobalErrorHandlerOptions>>().Value;

    [Fact]
    public async Task ErrorStormWindow_NotConfigured_IsOff()
    {
        await using var app = await StartAsync([]);

        Assert.Null(Options(app).ErrorStormWindow);
    }

    [Theory]
    [InlineData("00:00:10", 10)]
    [InlineData("00:05:00", 300)]
    [InlineData("1.00:00:00", 86400)]
    [InlineData("0.00:00:00.5", 0.5)]
    public async Task ErrorStormWindow_FromConfiguration_IsBound(string value, double expectedSeconds)
    {
        await using var app = await StartAsync(new() { ["GlobalErrorHandler:ErrorStormWindow"] = value });

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Options(app).ErrorStormWindow);
    }

    [Fact]
    public async Task ErrorStormWindow_EmptyInConfiguration_IsOff()
    {
        await using var app = await StartAsync(new() { ["GlobalErrorHandler:ErrorStormWindow"] = "" });

        Assert.Null(Options(app).ErrorStormWindow);
    }

    [Fact]
    public async Task ErrorStormWindow_KeyInAnyCase_IsBound()
    {
        await using var app = await StartAsync(new() { ["GlobalErrorHandler:errorstormwindow"] = "00:00:30" });

        Assert.Equal(TimeSpan.FromSeconds(30), Options(app).ErrorStormWindow);
    }

    [Theory]
    [InlineData("ten seconds", "'ten seconds'")]
    [InlineData("10s", "'10s'")]
    [InlineData("00:00:00", "'00:00:00'")]
    [InlineData("-00:00:05", "'-00:00:05'")]
    public async Task ErrorStormWindow_InvalidInConfiguration_FailsStartupNamingOptionAndValue(string value, string expectedValue)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(
            () => StartAsync(new() { ["GlobalErrorHandler:ErrorStormWindow"] = value }));

        Assert.Contains("GlobalErrorHandler:ErrorStormWindow", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expectedValue, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorStormWindow_ZeroInCode_FailsStartup()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(
            () => StartAsync([], o => o.ErrorStormWindow = TimeSpan.Zero));

        Assert.Contains("GlobalErrorHandler:ErrorStormWindow has the value '00:00:00'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("greater than zero", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorStormWindow_SetInCode_WinsOverConfiguration()
    {
        await using var app = await StartAsync(
            new() { ["GlobalErrorHandler:ErrorStormWindow"] = "00:00:10" },
            o => o.ErrorStormWindow = null);

        Assert.Null(Options(app).ErrorStormWindow);
    }
}
