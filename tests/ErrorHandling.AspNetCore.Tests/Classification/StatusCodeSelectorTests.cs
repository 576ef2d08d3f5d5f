using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Classification;

/// <summary>
/// An app that moves from <c>UseExceptionHandler</c> keeps its <see cref="ExceptionHandlerOptions.StatusCodeSelector"/>:
/// it decides the status after the app's mappings and the built-in defaults, before the final 500.
/// </summary>
public sealed class StatusCodeSelectorTests
{
    private static async Task<(WebApplication App, HttpResponseMessage Response)> ThrowAsync(
        Exception exception,
        Func<Exception, int> selector,
        Action<GlobalErrorHandlerOptions>? configure = null,
        bool throughAddExceptionHandler = false)
    {
        var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw exception),
            builder =>
            {
                if (throughAddExceptionHandler)
                {
                    builder.Services.AddExceptionHandler(options => options.StatusCodeSelector = selector);
                }
                else
                {
                    builder.Services.Configure<ExceptionHandlerOptions>(options => options.StatusCodeSelector = selector);
                }

                builder.Services.AddGlobalErrorHandler(options => configure?.Invoke(options));
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
            });
        return (app, await app.GetTestClient().GetAsync("/fail"));
    }

    private static int GatewayTimeoutForTimeouts(Exception exception) =>
        exception is TimeoutException ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status500InternalServerError;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnmappedException_SelectorGivesAStatus_ItsProblemIsSentAndLoggedAsError(bool throughAddExceptionHandler)
    {
        var (app, response) = await ThrowAsync(new TimeoutException("upstream"), GatewayTimeoutForTimeouts, throughAddExceptionHandler: throughAddExceptionHandler);
        await using var running = app;

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(504, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Gateway Timeout", body.RootElement.GetProperty("title").GetString());
        Assert.Equal("An unexpected error occurred.", body.RootElement.GetProperty("detail").GetString());
        var record = Assert.Single(HandlerLog.Records(app.Services));
        Assert.Equal((1, LogLevel.Error, "504"), (record.Id.Id, record.Level, record.GetStructuredStateValue("StatusCode")));
    }

    [Fact]
    public async Task UnmappedException_SelectorGivesA4xx_LoggedAsWarningWithoutDetail()
    {
        var (app, response) = await ThrowAsync(new InvalidOperationException("SENTINEL-SELECTOR"), _ => StatusCodes.Status409Conflict);
        await using var running = app;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("SENTINEL-SELECTOR", text, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(text);
        Assert.False(body.RootElement.TryGetProperty("detail", out _));
        var record = Assert.Single(HandlerLog.Records(app.Services));
        Assert.Equal((1, LogLevel.Warning, "409"), (record.Id.Id, record.Level, record.GetStructuredStateValue("StatusCode")));
    }

    [Fact]
    public async Task MappedException_SelectorGivesAnotherStatus_TheMappingWins()
    {
        var (app, response) = await ThrowAsync(
            new TimeoutException("upstream"),
            GatewayTimeoutForTimeouts,
            options => options.Map<TimeoutException>(StatusCodes.Status503ServiceUnavailable));
        await using var running = app;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    public static TheoryData<Exception, int> BuiltInDefaults() => new()
    {
        { new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge), 413 },
        { new ValidationException("The Name field is required."), 400 },
        { new ProblemDetailsException(StatusCodes.Status422UnprocessableEntity, "Unprocessable"), 422 },
    };

    [Theory]
    [MemberData(nameof(BuiltInDefaults))]
    public async Task BuiltInDefault_SelectorGivesAnotherStatus_TheDefaultKeepsItsStatus(Exception exception, int expected)
    {
        var (app, response) = await ThrowAsync(exception, _ => StatusCodes.Status418ImATeapot);
        await using var running = app;

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(700)]
    [InlineData(99)]
    public async Task Selector_StatusOutsideTheRange_HandlerFailureWithTheMinimal500(int status)
    {
        var (app, response) = await ThrowAsync(new InvalidOperationException("original"), _ => status);
        await using var running = app;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("An unexpected error occurred.", body.RootElement.GetProperty("detail").GetString());
        var records = HandlerLog.Records(app.Services);
        Assert.Equal([1, 3], records.Select(r => r.Id.Id));
        Assert.Contains("StatusCodeSelector", records[1].Exception?.Message, StringComparison.Ordinal);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), records[1].Exception?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selector_Throws_HandlerFailureWithTheMinimal500()
    {
        var (app, response) = await ThrowAsync(new InvalidOperationException("original"), _ => throw new FormatException("selector bug"));
        await using var running = app;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var records = HandlerLog.Records(app.Services);
        Assert.Equal([1, 3], records.Select(r => r.Id.Id));
        Assert.IsType<FormatException>(records[1].Exception);
    }
}
