using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary><see cref="IRequestFailureObserver"/> services registered in DI, through a real host.</summary>
public sealed class RequestFailureObserverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public async Task FailedRequest_ObserverRegistered_GetsTheSameValuesAsTheLogEvent()
    {
        var observer = new RecordingObserver();
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapPost("/orders/{id}", string () => throw new InvalidOperationException("boom")),
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
                builder.Services.AddSingleton<IRequestFailureObserver>(observer);
                builder.Logging.AddFakeLogging();
            });

        var response = await app.GetTestClient().PostAsync("/orders/42?page=2&token=abc123", null);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var failure = Assert.Single(observer.Failures);
        var logged = Assert.Single(HandlerLog.Records(app.Services)).StructuredState!.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(1, failure.EventId.Id);
        Assert.Equal(LogLevel.Error, failure.LogLevel);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Equal(logged["RequestMethod"], failure.RequestMethod);
        Assert.Equal(logged["RequestPath"], failure.RequestPath);
        Assert.Equal("?page=2&token=***", failure.QueryString);
        Assert.Equal(logged["QueryString"], failure.QueryString);
        Assert.Equal(500, failure.StatusCode);
        Assert.Equal(body.RootElement.GetProperty("traceId").GetString(), failure.TraceId);
        Assert.Equal(logged["TraceId"], failure.TraceId);
        Assert.Equal(Now, failure.Timestamp);
        Assert.Equal("System.InvalidOperationException", failure.ExceptionType);
        Assert.True(failure.AttachesException);
        Assert.Null(failure.ExceptionFingerprint);
        Assert.Null(failure.OccurrenceCount);
        Assert.Null(failure.ExceptionRenderingFailure);
    }

    [Fact]
    public async Task RepeatedFailure_ErrorStormMode_ObserverSeesWhichFailureCarriesTheExceptionAndTheFingerprint()
    {
        var observer = new RecordingObserver();
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/orders/{id}", string (int id) => StormThrowers.ThrowFromOrders()),
            builder =>
            {
                builder.Services.AddSingleton<IRequestFailureObserver>(observer);
                builder.Services.AddGlobalErrorHandler(o =>
                {
                    o.LogFailedRequests = false;
                    o.ErrorStormWindow = TimeSpan.FromMinutes(10);
                });
            });
        var client = app.GetTestClient();

        for (var i = 1; i <= 3; i++)
        {
            await client.GetAsync($"/orders/{i}");
        }

        var failures = observer.Failures;
        Assert.Equal([true, false, false], failures.Select(f => f.AttachesException));
        Assert.Equal([1L, 2L, 3L], failures.Select(f => f.OccurrenceCount));
        Assert.Matches("^[0-9a-f]{16}$", failures[0].ExceptionFingerprint);
        Assert.All(failures, f => Assert.Equal(failures[0].ExceptionFingerprint, f.ExceptionFingerprint));
        Assert.All(failures, f => Assert.IsType<InvalidOperationException>(f.Exception));
    }

    [Fact]
    public async Task ExceptionWhoseMessageThrows_ObserverRegistered_SeesItIsNotAttachedAndWhatFailed()
    {
        var observer = new RecordingObserver();
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw new HostileExceptions.MessageThrowsException()),
            builder => builder.Services.AddSingleton<IRequestFailureObserver>(observer));

        await app.GetTestClient().GetAsync("/fail");

        var failure = Assert.Single(observer.Failures);
        Assert.False(failure.AttachesException);
        Assert.Equal("Message threw System.InvalidOperationException", failure.ExceptionRenderingFailure);
        Assert.IsType<HostileExceptions.MessageThrowsException>(failure.Exception);
    }

    [Fact]
    public async Task FailedRequest_TwoObserversAndTheFirstThrows_BothCalledInOrderAndTheResponseIsIntact()
    {
        var calls = new List<string>();
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("boom")),
            builder =>
            {
                builder.Services.AddSingleton<IRequestFailureObserver>(new CallbackObserver(_ =>
                {
                    calls.Add("first");
                    throw new InvalidOperationException("observer bug");
                }));
                builder.Services.AddSingleton<IRequestFailureObserver>(new CallbackObserver(_ => calls.Add("second")));
            });

        var response = await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["first", "second"], calls);
    }

    [Fact]
    public async Task ExceptionHandledByAnAppExceptionHandler_NotLogged_NotObservedEither()
    {
        var observer = new RecordingObserver();
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("boom")),
            builder =>
            {
                builder.Services.AddExceptionHandler<AnsweringExceptionHandler>();
                builder.Services.AddSingleton<IRequestFailureObserver>(observer);
            });

        await app.GetTestClient().GetAsync("/fail");

        Assert.Empty(observer.Failures);
    }

    [Fact]
    public async Task ExceptionHandledByAnAppExceptionHandler_LoggedOnRequest_ObservedWithTheHandlersStatus()
    {
        var observer = new RecordingObserver();
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("boom")),
            builder =>
            {
                builder.Services.AddExceptionHandler<AnsweringExceptionHandler>();
                builder.Services.AddSingleton<IRequestFailureObserver>(observer);
                builder.Services.AddGlobalErrorHandler(o => o.LogExceptionsHandledByExceptionHandlers = true);
            });

        await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(418, Assert.Single(observer.Failures).StatusCode);
    }

    private sealed class RecordingObserver : IRequestFailureObserver
    {
        private readonly List<RequestFailure> _failures = [];

        public IReadOnlyList<RequestFailure> Failures
        {
            get
            {
                lock (_failures)
                {
                    return [.. _failures];
                }
            }
        }

        public void OnRequestFailed(RequestFailure failure)
        {
            lock (_failures)
            {
                _failures.Add(failure);
            }
        }
    }

    private sealed class CallbackObserver(Action<RequestFailure> callback) : IRequestFailureObserver
    {
        public void OnRequestFailed(RequestFailure failure) => callback(failure);
    }

    private sealed class AnsweringExceptionHandler : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            httpContext.Response.StatusCode = StatusCodes.Status418ImATeapot;
            return ValueTask.FromResult(true);
        }
    }
}
