using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Responses;

/// <summary>The framework's <see cref="IExceptionHandler"/> services run before the library's own response.</summary>
public sealed class ExceptionHandlerInteropTests
{
    public sealed class CallRecorder
    {
        public List<string> Calls { get; } = [];
    }

    private sealed class DecliningHandler(CallRecorder recorder) : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            recorder.Calls.Add($"declining:{httpContext.Features.Get<IExceptionHandlerFeature>()?.Error.Message}");
            return ValueTask.FromResult(false);
        }
    }

    private sealed class TeapotHandler(CallRecorder recorder) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            recorder.Calls.Add("teapot");
            if (exception is not NotSupportedException)
            {
                return false;
            }

            httpContext.Response.StatusCode = StatusCodes.Status418ImATeapot;
            await httpContext.Response.WriteAsync("handled by the app", cancellationToken);
            return true;
        }
    }

    private static async Task<(WebApplication App, CallRecorder Recorder)> StartAsync(Func<Exception> exception, bool logHandled = false)
    {
        var recorder = new CallRecorder();
        var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw exception()),
            builder =>
            {
                builder.Services.AddSingleton(recorder);
                builder.Services.AddExceptionHandler<DecliningHandler>();
                builder.Services.AddExceptionHandler<TeapotHandler>();
                builder.Services.AddGlobalErrorHandler(o => o.LogExceptionsHandledByExceptionHandlers = logHandled);
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
            });
        return (app, recorder);
    }

    [Fact]
    public async Task ExceptionHandlers_OneHandles_ItsResponseIsSentAndNothingIsLogged()
    {
        var (app, recorder) = await StartAsync(() => new NotSupportedException("brew"));
        await using var running = app;

        var response = await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(418, (int)response.StatusCode);
        Assert.Equal("handled by the app", await response.Content.ReadAsStringAsync());
        Assert.Equal(["declining:brew", "teapot"], recorder.Calls);
        Assert.Empty(HandlerLog.Records(app.Services));
    }

    [Fact]
    public async Task ExceptionHandlers_OneHandlesAndLoggingIsOn_EventOneIsLogged()
    {
        var (app, _) = await StartAsync(() => new NotSupportedException("brew"), logHandled: true);
        await using var running = app;

        await app.GetTestClient().GetAsync("/fail");

        var record = Assert.Single(HandlerLog.Records(app.Services));
        Assert.Equal(1, record.Id.Id);
        Assert.Contains(new KeyValuePair<string, string?>("StatusCode", "418"), record.StructuredState!);
    }

    [Fact]
    public async Task ExceptionHandlers_NoneHandles_TheNormalProblemIsWrittenAfterBothRanInOrder()
    {
        var (app, recorder) = await StartAsync(() => new InvalidOperationException("not for them"));
        await using var running = app;

        var response = await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(["declining:not for them", "teapot"], recorder.Calls);
        Assert.Equal(1, Assert.Single(HandlerLog.Records(app.Services)).Id.Id);
    }
}
