using System.Diagnostics.Metrics;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary>The <c>errorhandling.exceptions</c> counter and <c>error.type</c> on <c>http.server.request.duration</c>.</summary>
public sealed class MetricsTests
{
    private static MetricCollector<long> CollectExceptions(WebApplication app) =>
        new(app.Services.GetRequiredService<IMeterFactory>(), "ErrorHandling.AspNetCore", "errorhandling.exceptions");

    private static void AssertMeasurement(CollectedMeasurement<long> measurement, string errorType, int statusCode, string result)
    {
        Assert.Equal(1, measurement.Value);
        Assert.Equal(3, measurement.Tags.Count);
        Assert.Equal(errorType, measurement.Tags["error.type"]);
        Assert.Equal(statusCode, measurement.Tags["http.response.status_code"]);
        Assert.Equal(result, measurement.Tags["errorhandling.result"]);
    }

    [Fact]
    public async Task UnhandledException_Handled_CountedOnceAsHandledWithTypeAndStatus()
    {
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/fail", string () => throw new InvalidOperationException("boom")));
        using var collector = CollectExceptions(app);

        await app.GetTestClient().GetAsync("/fail");

        AssertMeasurement(Assert.Single(collector.GetMeasurementSnapshot()), "System.InvalidOperationException", 500, "handled");
    }

    [Fact]
    public async Task MappedException_Handled_CountedWithTheMappedStatus()
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/orders/{id}", string (int id) => throw new KeyNotFoundException($"Order {id}")),
            builder => builder.Services.AddGlobalErrorHandler(o => o.Map<KeyNotFoundException>(StatusCodes.Status404NotFound)));
        using var collector = CollectExceptions(app);

        await app.GetTestClient().GetAsync("/orders/7");

        AssertMeasurement(Assert.Single(collector.GetMeasurementSnapshot()), "System.Collections.Generic.KeyNotFoundException", 404, "handled");
    }

    [Fact]
    public async Task ResponseAlreadyStarted_Aborted_CountedAsResponseStartedWithTheStatusOnTheWire()
    {
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/stream", async (HttpContext context) =>
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            await context.Response.WriteAsync("partial");
            await context.Response.Body.FlushAsync();
            throw new InvalidOperationException("half-way");
        }));
        using var collector = CollectExceptions(app);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var response = await app.GetTestClient().GetAsync("/stream");
            await response.Content.ReadAsStringAsync();
        });
        await collector.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(10));

        AssertMeasurement(Assert.Single(collector.GetMeasurementSnapshot()), "System.InvalidOperationException", 202, "response_started");
    }

    [Fact]
    public async Task HandlerFails_CallbackThrows_CountsTheOriginalAsHandledAndTheCallbacksExceptionAsHandlerFailed()
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("original")),
            builder => builder.Services.AddGlobalErrorHandler(o => o.CustomizeProblemDetails = _ => throw new NotSupportedException("callback")));
        using var collector = CollectExceptions(app);

        var response = await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(500, (int)response.StatusCode);
        var measurements = collector.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        AssertMeasurement(measurements[0], "System.InvalidOperationException", 500, "handled");
        AssertMeasurement(measurements[1], "System.NotSupportedException", 500, "handler_failed");
    }

    [Fact]
    public async Task ClientAbort_DuringTheRequest_CountedAsAbortedWith499ButNoErrorOnRequestDuration()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/slow", async (HttpContext context) =>
            {
                entered.SetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }),
            kestrel: true);
        using var collector = CollectExceptions(app);
        using var duration = new MetricCollector<double>(
            app.Services.GetRequiredService<IMeterFactory>(), "Microsoft.AspNetCore.Hosting", "http.server.request.duration");
        using var client = new HttpClient { BaseAddress = app.KestrelAddress() };
        using var abort = new CancellationTokenSource();

        var request = client.GetAsync("/slow", abort.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await collector.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(10));
        await duration.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(10));

        AssertMeasurement(Assert.Single(collector.GetMeasurementSnapshot()), "System.Threading.Tasks.TaskCanceledException", 499, "aborted");
        Assert.False(Assert.Single(duration.GetMeasurementSnapshot()).Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task ExceptionHandledByAnAppExceptionHandler_NotLogged_NotCountedEither()
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("boom")),
            builder => builder.Services.AddExceptionHandler<AnsweringExceptionHandler>());
        using var collector = CollectExceptions(app);

        var response = await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(418, (int)response.StatusCode);
        Assert.Empty(collector.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task LogFailedRequestsOff_UnhandledException_StillCounted()
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("boom")),
            builder => builder.Services.AddGlobalErrorHandler(o => o.LogFailedRequests = false));
        using var collector = CollectExceptions(app);

        await app.GetTestClient().GetAsync("/fail");

        AssertMeasurement(Assert.Single(collector.GetMeasurementSnapshot()), "System.InvalidOperationException", 500, "handled");
    }

    [Fact]
    public async Task UnhandledException_Handled_FrameworkRequestDurationCarriesErrorType()
    {
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/fail", string () => throw new InvalidOperationException("boom")));
        using var duration = new MetricCollector<double>(
            app.Services.GetRequiredService<IMeterFactory>(), "Microsoft.AspNetCore.Hosting", "http.server.request.duration");

        await app.GetTestClient().GetAsync("/fail");
        await duration.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(10));

        var measurement = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal("System.InvalidOperationException", measurement.Tags["error.type"]);
        Assert.Equal(500, measurement.Tags["http.response.status_code"]);
    }

    [Fact]
    public async Task SuccessfulRequest_NotCounted_AndRequestDurationHasNoErrorType()
    {
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/ok", () => "fine"));
        using var exceptions = CollectExceptions(app);
        using var duration = new MetricCollector<double>(
            app.Services.GetRequiredService<IMeterFactory>(), "Microsoft.AspNetCore.Hosting", "http.server.request.duration");

        await app.GetTestClient().GetAsync("/ok");
        await duration.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(10));

        Assert.Empty(exceptions.GetMeasurementSnapshot());
        Assert.False(Assert.Single(duration.GetMeasurementSnapshot()).Tags.ContainsKey("error.type"));
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
