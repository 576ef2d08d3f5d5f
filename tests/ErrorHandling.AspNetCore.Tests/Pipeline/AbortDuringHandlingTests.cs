using System.Net.Sockets;
using System.Text;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>A client that goes away while the app's exception handler is still running, on real Kestrel.</summary>
public sealed class AbortDuringHandlingTests
{
    public sealed class Signals
    {
        public TaskCompletionSource HandlerEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> MiddlewareReturned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class WaitingHandler(Signals signals) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            signals.HandlerEntered.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return true;
        }
    }

    [Fact]
    public async Task ClientResets_WhileAnExceptionHandlerRuns_NothingEscapesAndOneAbortEventIsLogged()
    {
        var signals = new Signals();
        await using var app = await TestApp.StartAsync(
            app =>
            {
                app.Use(async (context, next) =>
                {
                    try
                    {
                        await next(context);
                        signals.MiddlewareReturned.TrySetResult(true);
                    }
                    catch (Exception)
                    {
                        signals.MiddlewareReturned.TrySetResult(false);
                        throw;
                    }
                });
                app.UseGlobalErrorHandler();
                app.MapGet("/fail", string () => throw new InvalidOperationException("boom"));
            },
            builder =>
            {
                builder.Services.AddSingleton(signals);
                builder.Services.AddExceptionHandler<WaitingHandler>();
                builder.Services.AddGlobalErrorHandler();
                builder.Logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging();
            },
            kestrel: true);
        var address = app.KestrelAddress();

        using (var tcp = new TcpClient { LingerState = new LingerOption(true, 0) })
        {
            await tcp.ConnectAsync(address.Host, address.Port);
            await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /fail HTTP/1.1\r\nHost: localhost\r\n\r\n"));
            await signals.HandlerEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.True(await signals.MiddlewareReturned.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var records = app.Services.GetFakeLogCollector().GetSnapshot();
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
        var handlerRecord = Assert.Single(records, r => r.Category == HandlerLog.Category);
        Assert.Equal(4, handlerRecord.Id.Id);
        Assert.IsType<InvalidOperationException>(handlerRecord.Exception);
    }
}
