using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore.Tests.Options;

/// <summary>
/// Binding and validation of <see cref="GlobalErrorHandlerOptions.ErrorStormWindow"/> and
/// <see cref="GlobalErrorHandlerOptions.ErrorStormEventsPerWindow"/>.
/// </summary>
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

    [Theory]
    [InlineData("1", 1)]
    [InlineData("10000", 10_000)]
    public async Task ErrorStormEventsPerWindow_FromConfigurationWithAWindow_IsBound(string value, int expected)
    {
        await using var app = await StartAsync(new()
        {
            ["GlobalErrorHandler:ErrorStormWindow"] = "00:00:10",
            ["GlobalErrorHandler:ErrorStormEventsPerWindow"] = value,
        });

        Assert.Equal(expected, Options(app).ErrorStormEventsPerWindow);
    }

    [Fact]
    public async Task ErrorStormEventsPerWindow_NotConfigured_IsNull()
    {
        await using var app = await StartAsync(new() { ["GlobalErrorHandler:ErrorStormWindow"] = "00:00:10" });

        Assert.Null(Options(app).ErrorStormEventsPerWindow);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10001")]
    public async Task ErrorStormEventsPerWindow_OutOfRange_FailsStartupNamingKeyValueAndRange(string value)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["GlobalErrorHandler:ErrorStormWindow"] = "00:00:10",
            ["GlobalErrorHandler:ErrorStormEventsPerWindow"] = value,
        }));

        Assert.Contains($"GlobalErrorHandler:ErrorStormEventsPerWindow has the value '{value}'; it must be between 1 and 10,000", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorStormEventsPerWindow_NotANumber_FailsStartupNamingKeyAndValue()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["GlobalErrorHandler:ErrorStormWindow"] = "00:00:10",
            ["GlobalErrorHandler:ErrorStormEventsPerWindow"] = "one",
        }));

        Assert.Contains("GlobalErrorHandler:ErrorStormEventsPerWindow has the value 'one', which is not a whole number", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorStormEventsPerWindow_WithoutAWindow_FailsStartupNamingBothOptions()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(
            () => StartAsync([], o => o.ErrorStormEventsPerWindow = 1));

        Assert.Contains(
            "GlobalErrorHandler:ErrorStormEventsPerWindow is set but GlobalErrorHandler:ErrorStormWindow is not",
            exception.Message,
            StringComparison.Ordinal);
    }
}
