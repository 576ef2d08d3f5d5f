using ErrorHandling.AspNetCore.Tests.Infrastructure;
using ErrorHandling.Snippets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary>
/// The recipe of docs/logging.md that flushes Microsoft.Extensions.Telemetry's real <c>GlobalLogBuffer</c> when a
/// request fails, run as the page shows it.
/// </summary>
public sealed class LogBufferRecipeTests
{
    private static void Debug(ILoggerFactory loggers, string message) =>
        loggers.CreateLogger("Orders").Log(LogLevel.Debug, default, message, null, static (text, _) => text);

    [Fact]
    public async Task FailedRequest_LogBufferRecipe_BufferedDebugLinesAreWrittenWithTheError()
    {
        await using var app = await TestApp.StartAsync(
            app =>
            {
                app.UseGlobalErrorHandler();
                app.MapGet("/ok", (ILoggerFactory loggers) =>
                {
                    Debug(loggers, "Loaded the cart");
                    return "ok";
                });
                app.MapGet("/fail", string (ILoggerFactory loggers) =>
                {
                    Debug(loggers, "Calling the database");
                    throw new InvalidOperationException("database down");
                });
            },
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
                LoggingSnippets.FlushLogBufferWhenARequestFails(builder);
            });
        var client = app.GetTestClient();
        var collector = app.Services.GetFakeLogCollector();

        await client.GetAsync("/ok");
        var beforeFailure = collector.GetSnapshot().Where(r => r.Category == "Orders").ToArray();
        await client.GetAsync("/fail");

        Assert.Empty(beforeFailure);
        var orders = collector.GetSnapshot().Where(r => r.Category == "Orders").Select(r => r.Message).ToArray();
        Assert.Equal(["Loaded the cart", "Calling the database"], orders);
        Assert.Equal(1, Assert.Single(HandlerLog.Records(app.Services)).Id.Id);
    }
}
