using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary><see cref="GlobalErrorHandlerOptions.LogFailedRequests"/>: the handler's own events 1, 2 and 4 off, 3 kept.</summary>
public sealed class LogFailedRequestsTests
{
    private static Task<WebApplication> StartAsync(Action<WebApplicationBuilder> configure, RequestDelegate endpoint) =>
        TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", endpoint),
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
                configure(builder);
            });

    [Fact]
    public void Default_IsTrue()
    {
        Assert.True(new GlobalErrorHandlerOptions().LogFailedRequests);
    }

    [Fact]
    public async Task Off_UnhandledException_NoEventButTheSameResponse()
    {
        await using var app = await StartAsync(
            b => b.Services.AddGlobalErrorHandler(o => o.LogFailedRequests = false),
            _ => throw new InvalidOperationException("boom"));

        var response = await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(HandlerLog.Records(app.Services));
    }

    [Fact]
    public async Task Off_HandlerFails_OnlyTheErrorHandlerFailedEventRemains()
    {
        await using var app = await StartAsync(
            b => b.Services.AddGlobalErrorHandler(o =>
            {
                o.LogFailedRequests = false;
                o.CustomizeProblemDetails = _ => throw new NotSupportedException("callback");
            }),
            _ => throw new InvalidOperationException("boom"));

        await app.GetTestClient().GetAsync("/fail");

        var record = Assert.Single(HandlerLog.Records(app.Services));
        Assert.Equal(3, record.Id.Id);
        Assert.IsType<NotSupportedException>(record.Exception);
    }

    [Fact]
    public async Task Off_FromConfiguration_IsBoundAndSilencesTheEvent()
    {
        await using var app = await StartAsync(
            b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GlobalErrorHandler:LogFailedRequests"] = "false" }),
            _ => throw new InvalidOperationException("boom"));

        await app.GetTestClient().GetAsync("/fail");

        Assert.False(app.Services.GetRequiredService<IOptions<GlobalErrorHandlerOptions>>().Value.LogFailedRequests);
        Assert.Empty(HandlerLog.Records(app.Services));
    }

    [Fact]
    public async Task FromConfiguration_NotABoolean_FailsStartupNamingOptionAndValue()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(
            b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GlobalErrorHandler:LogFailedRequests"] = "sometimes" }),
            _ => Task.CompletedTask));

        Assert.Contains("GlobalErrorHandler:LogFailedRequests", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'sometimes'", exception.Message, StringComparison.Ordinal);
    }
}
