using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>A client that goes away, on real Kestrel sockets.</summary>
public sealed class ClientAbortTests
{
    [Fact]
    public async Task ClientAbort_DuringTheRequest_Responds499WithoutBodyAndLogsOneDebugEvent()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource<(int Status, long? ContentLength, bool Started)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(
            app =>
            {
                // Outside the handler: sees what the handler left on the response.
                app.Use(async (context, next) =>
                {
                    await next(context);
                    finished.TrySetResult((context.Response.StatusCode, context.Response.ContentLength, context.Response.HasStarted));
                });
                app.UseGlobalErrorHandler();
                app.MapGet("/slow", async (HttpContext context) =>
                {
                    entered.SetResult();
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                });
            },
            builder =>
            {
                builder.Services.AddGlobalErrorHandler();
                builder.Logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging();
            },
            kestrel: true);
        using var client = new HttpClient { BaseAddress = app.KestrelAddress() };
        using var abort = new CancellationTokenSource();

        var request = client.GetAsync("/slow", abort.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        var (status, contentLength, started) = await finished.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(499, status);
        Assert.Null(contentLength);
        Assert.False(started);
        var handlerEvents = app.Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => r.Category == "ErrorHandling.AspNetCore.GlobalErrorHandler")
            .ToArray();
        var record = Assert.Single(handlerEvents);
        Assert.Equal(4, record.Id.Id);
        Assert.Equal("RequestAborted", record.Id.Name);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.IsAssignableFrom<OperationCanceledException>(record.Exception);
    }
}
