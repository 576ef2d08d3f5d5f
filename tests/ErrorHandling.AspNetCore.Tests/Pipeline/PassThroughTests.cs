using System.Net;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary><see cref="GlobalErrorHandlerOptions.PassThrough"/>.</summary>
public sealed class PassThroughTests
{
    private sealed class MaintenanceException() : Exception("down for maintenance");

    private static async Task<(WebApplication App, List<Exception> SeenOutside)> StartAsync(bool async)
    {
        var seenOutside = new List<Exception>();
        var app = await TestApp.StartAsync(
            app =>
            {
                // The outer middleware that owns MaintenanceException.
                app.Use(async (context, next) =>
                {
                    try
                    {
                        await next(context);
                    }
                    catch (MaintenanceException exception)
                    {
                        seenOutside.Add(exception);
                        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                        context.Response.Headers.RetryAfter = "120";
                    }
                });
                app.UseGlobalErrorHandler();
                app.MapGet("/fail", async Task<string> (string kind) =>
                {
                    if (async)
                    {
                        await Task.Yield();
                    }

                    throw kind == "maintenance" ? new MaintenanceException() : new InvalidOperationException("other");
                });
            },
            builder =>
            {
                builder.Services.AddGlobalErrorHandler(o => o.PassThrough = (_, exception) => exception is MaintenanceException);
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
            });
        return (app, seenOutside);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PassThrough_MatchingException_ReachesTheOuterMiddlewareUntouched(bool async)
    {
        var (app, seenOutside) = await StartAsync(async);
        await using var running = app;

        var response = await app.GetTestClient().GetAsync("/fail?kind=maintenance");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("120", Assert.Single(response.Headers.GetValues("Retry-After")));
        var exception = Assert.IsType<MaintenanceException>(Assert.Single(seenOutside));
        Assert.Contains(nameof(StartAsync), exception.StackTrace, StringComparison.Ordinal);
        Assert.Empty(HandlerLog.Records(app.Services));
    }

    [Fact]
    public async Task PassThrough_OtherException_IsHandled()
    {
        var (app, seenOutside) = await StartAsync(async: false);
        await using var running = app;

        var response = await app.GetTestClient().GetAsync("/fail?kind=other");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(seenOutside);
        Assert.Single(HandlerLog.Records(app.Services));
    }
}
