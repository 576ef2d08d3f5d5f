using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace ErrorHandling.AspNetCore.Serilog.Tests;

/// <summary>
/// The Serilog integration through a real Serilog pipeline: <c>AddGlobalErrorHandlerSerilog()</c> with
/// <c>UseSerilogRequestLogging()</c>.
/// </summary>
public sealed class RequestLoggingTests
{
    private static void LogFailedRequestsOff(WebApplicationBuilder builder) =>
        builder.Services.AddGlobalErrorHandler(o => o.LogFailedRequests = false);

    private static async Task<string> TraceIdOfBodyAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("traceId").GetString()!;
    }

    [Fact]
    public async Task FailedRequest_HandlerEventOff_ExactlyOneEventWithTheExceptionAndEveryProperty()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapPost("/orders/{id}", string (int id) => throw new InvalidOperationException($"Order {id} is corrupt.")),
            LogFailedRequestsOff);

        var response = await app.GetTestClient().PostAsync("/orders/42?page=2&token=abc123", null);

        Assert.Equal(500, (int)response.StatusCode);
        var logEvent = Assert.Single(sink.Events);
        Assert.True(logEvent.IsRequestCompletion());
        Assert.Equal(LogEventLevel.Error, logEvent.Level);
        var exception = Assert.IsType<InvalidOperationException>(logEvent.Exception);
        Assert.Equal("Order 42 is corrupt.", exception.Message);
        Assert.Equal("POST", logEvent.Scalar("RequestMethod"));
        Assert.Equal("/orders/42", logEvent.Scalar("RequestPath"));
        Assert.Equal("?page=2&token=***", logEvent.Scalar("QueryString"));
        Assert.Equal(500, logEvent.Scalar("StatusCode"));
        Assert.Equal(await TraceIdOfBodyAsync(response), logEvent.Scalar("TraceId"));
        Assert.Equal(SerilogApp.Now, logEvent.Scalar("Timestamp"));
        Assert.Equal("System.InvalidOperationException", logEvent.Scalar("ExceptionType"));
        Assert.DoesNotContain("abc123", logEvent.RenderMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedRequest_HandlerEventOnByDefault_TheHandlersEventAndTheCompletionEvent()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("boom")));

        await app.GetTestClient().GetAsync("/fail");

        var events = sink.Events;
        Assert.Equal(2, events.Count);
        var handlerEvent = Assert.Single(events, e => !e.IsRequestCompletion());
        Assert.Equal(1, handlerEvent.EventId());
        Assert.IsType<InvalidOperationException>(handlerEvent.Exception);
        var completion = Assert.Single(events, e => e.IsRequestCompletion());
        Assert.Same(handlerEvent.Exception, completion.Exception);
        Assert.Equal(handlerEvent.Scalar("TraceId"), completion.Scalar("TraceId"));
        Assert.Equal(handlerEvent.Scalar("RequestPath"), completion.Scalar("RequestPath"));
    }

    [Fact]
    public async Task MappedClientError_HandlerEventOff_CompletionEventRaisedToTheMappingsWarning()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapGet("/orders/{id}", string (int id) => throw new KeyNotFoundException($"Order {id}")),
            builder => builder.Services.AddGlobalErrorHandler(o =>
            {
                o.LogFailedRequests = false;
                o.Map<KeyNotFoundException>(StatusCodes.Status404NotFound);
            }));

        await app.GetTestClient().GetAsync("/orders/7");

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal(LogEventLevel.Warning, logEvent.Level);
        Assert.Equal(404, logEvent.Scalar("StatusCode"));
        Assert.IsType<KeyNotFoundException>(logEvent.Exception);
    }

    [Fact]
    public async Task MappingWithCode_HandlerEventOff_CompletionEventCarriesErrorCode()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app =>
            {
                app.MapGet("/orders/{id}", string (int id) => throw new KeyNotFoundException($"Order {id}"));
                app.MapGet("/fail", string () => throw new InvalidOperationException("boom"));
            },
            builder => builder.Services.AddGlobalErrorHandler(o =>
            {
                o.LogFailedRequests = false;
                o.Map<KeyNotFoundException>(StatusCodes.Status404NotFound, m => m.Code = "order-not-found");
            }));

        await app.GetTestClient().GetAsync("/orders/7");
        await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(2, sink.Events.Count);
        Assert.Equal("order-not-found", Assert.Single(sink.Events, e => e.Scalar("StatusCode") is 404).Scalar("ErrorCode"));
        Assert.False(Assert.Single(sink.Events, e => e.Scalar("StatusCode") is 500).Properties.ContainsKey("ErrorCode"));
    }

    [Fact]
    public async Task ResponseAlreadyStarted_HandlerEventOff_CompletionEventIsAnErrorWithTheException()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapGet("/stream", async (HttpContext context) =>
            {
                await context.Response.WriteAsync("partial");
                await context.Response.Body.FlushAsync();
                throw new InvalidOperationException("half-way");
            }),
            LogFailedRequestsOff);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var response = await app.GetTestClient().GetAsync("/stream");
            await response.Content.ReadAsStringAsync();
        });
        var logEvent = await WaitForSingleEventAsync(sink);

        Assert.Equal(LogEventLevel.Error, logEvent.Level);
        Assert.Equal(200, logEvent.Scalar("StatusCode"));
        Assert.IsType<InvalidOperationException>(logEvent.Exception);
        Assert.Equal("System.InvalidOperationException", logEvent.Scalar("ExceptionType"));
    }

    [Fact]
    public async Task FailedRequestUnderAPathBase_HandlerEventOff_RequestPathIsTheHandlersPathBaseAndPath()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapGet("/orders/{id}", string () => throw new InvalidOperationException("boom")),
            LogFailedRequestsOff,
            beforeRequestLogging: app => app.UsePathBase("/shop"));

        await app.GetTestClient().GetAsync("/shop/orders/42");

        Assert.Equal("/shop/orders/42", Assert.Single(sink.Events).Scalar("RequestPath"));
    }

    [Fact]
    public async Task FailedRequest_IncludeQueryInRequestPath_RequestPathStillCarriesNoUnredactedQuery()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapGet("/orders/{id}", string () => throw new InvalidOperationException("boom")),
            LogFailedRequestsOff,
            configureRequestLogging: o => o.IncludeQueryInRequestPath = true,
            kestrel: true);
        using var client = new HttpClient { BaseAddress = app.KestrelAddress() };

        // Kestrel, because only a real server sets the raw target that this option logs.
        await client.GetAsync("/orders/42?token=abc123");

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal("/orders/42", logEvent.Scalar("RequestPath"));
        Assert.Equal("?token=***", logEvent.Scalar("QueryString"));
    }

    [Fact]
    public async Task SuccessfulRequest_CompletionEventIsUntouched()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(sink, app => app.MapGet("/ok", () => "fine"), LogFailedRequestsOff);

        await app.GetTestClient().GetAsync("/ok?token=abc123");

        var logEvent = Assert.Single(sink.Events);
        Assert.Equal(LogEventLevel.Information, logEvent.Level);
        Assert.Null(logEvent.Exception);
        Assert.Equal(200, logEvent.Scalar("StatusCode"));
        Assert.False(logEvent.Properties.ContainsKey("ExceptionType"));
        Assert.False(logEvent.Properties.ContainsKey("QueryString"));
    }

    [Fact]
    public async Task GetLevelConfiguredThroughServices_FailedRequest_IsWrappedAndRaised()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("boom")),
            builder =>
            {
                LogFailedRequestsOff(builder);
                builder.Services.Configure<global::Serilog.AspNetCore.RequestLoggingOptions>(o => o.GetLevel = (_, _, _) => LogEventLevel.Debug);
            });

        await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(LogEventLevel.Error, Assert.Single(sink.Events).Level);
    }

    private static async Task<LogEvent> WaitForSingleEventAsync(InMemorySink sink)
    {
        // The completion event is written when the server ends the request, which for an aborted response
        // can be just after the client saw the failure.
        for (var i = 0; i < 500 && sink.Events.Count == 0; i++)
        {
            await Task.Delay(10);
        }

        return Assert.Single(sink.Events);
    }
}
