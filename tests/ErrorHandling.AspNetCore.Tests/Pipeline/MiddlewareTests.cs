using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>The middleware alone, on a <see cref="DefaultHttpContext"/>.</summary>
public sealed class MiddlewareTests
{
    private static GlobalErrorHandlerMiddleware Create(
        RequestDelegate next,
        FakeLogCollector? logs = null,
        string environment = "Production",
        GlobalErrorHandlerOptions? options = null)
    {
        var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs ?? new FakeLogCollector())));
        return StandaloneMiddleware.Create(next, loggerFactory, environment, options);
    }

    private static DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext { TraceIdentifier = "trace-0001" };
        context.Request.Method = "GET";
        context.Request.Path = "/orders/7";
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static JsonElement Body(HttpContext context) =>
        JsonDocument.Parse(((MemoryStream)context.Response.Body).ToArray()).RootElement;

    [Fact]
    public async Task InvokeAsync_SuccessfulNext_ReturnsCompletedTaskAndTouchesNothing()
    {
        var context = NewContext();
        var middleware = Create(_ => Task.CompletedTask);

        var task = middleware.InvokeAsync(context);

        Assert.True(task.IsCompletedSuccessfully);
        await task;
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Empty(context.Response.Headers);
    }

    [Fact]
    public async Task InvokeAsync_NoActivity_TraceIdIsTheTraceIdentifier()
    {
        var context = NewContext();

        await Create(_ => throw new InvalidOperationException("boom")).InvokeAsync(context);

        Assert.Equal(500, context.Response.StatusCode);
        Assert.Equal("trace-0001", Body(context).GetProperty("traceId").GetString());
        Assert.Equal("/orders/7", Body(context).GetProperty("instance").GetString());
    }

    [Fact]
    public async Task InvokeAsync_ResponseAlreadyStarted_LogsEventTwoAndDoesNotRethrow()
    {
        var logs = new FakeLogCollector();
        var context = NewContext();
        context.Features.Set<IHttpResponseFeature>(new StartedResponseFeature());
        var lifetime = new RecordingLifetimeFeature();
        context.Features.Set<IHttpRequestLifetimeFeature>(lifetime);

        await Create(_ => throw new InvalidOperationException("late"), logs).InvokeAsync(context);

        Assert.True(lifetime.Aborted);
        var record = Assert.Single(logs.GetSnapshot());
        Assert.Equal(2, record.Id.Id);
        Assert.Equal("ResponseStarted", record.Id.Name);
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.IsType<InvalidOperationException>(record.Exception);
    }

    [Fact]
    public async Task InvokeAsync_CancelledWithoutClientAbort_IsAnOrdinary500()
    {
        var logs = new FakeLogCollector();
        var context = NewContext();

        await Create(_ => throw new OperationCanceledException("timed out internally"), logs).InvokeAsync(context);

        Assert.Equal(500, context.Response.StatusCode);
        Assert.Equal(1, Assert.Single(logs.GetSnapshot()).Id.Id);
    }

    [Fact]
    public async Task InvokeAsync_WritingTheBodyFails_LogsOneThenThreeAndSendsTheMinimal500()
    {
        var logs = new FakeLogCollector();
        var context = NewContext();
        context.Response.Headers["X-Leftover"] = "from the endpoint";
        var options = new GlobalErrorHandlerOptions { ResponseWriter = _ => throw new NotSupportedException("writer bug") };

        await Create(_ => throw new MessageThrowsException(), logs, "Development", options).InvokeAsync(context);

        Assert.Equal(500, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("X-Leftover"));
        Assert.Equal("application/problem+json", context.Response.ContentType);
        var body = Body(context);
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, body.GetProperty("detail").GetString());
        Assert.Equal(500, body.GetProperty("status").GetInt32());
        var records = logs.GetSnapshot();
        Assert.Equal([1, 3], records.Select(r => r.Id.Id));
        // Rendering an exception whose Message throws would fail every sink, so the event carries why instead.
        Assert.Null(records[0].Exception);
        Assert.Equal(typeof(MessageThrowsException).FullName, records[0].GetStructuredStateValue("ExceptionType"));
        Assert.Equal("Message threw System.NotSupportedException", records[0].GetStructuredStateValue("ExceptionRenderingFailure"));
        Assert.IsType<NotSupportedException>(records[1].Exception);
        Assert.Equal("ErrorHandlerFailed", records[1].Id.Name);
    }

    private sealed class MessageThrowsException : Exception
    {
        public override string Message => throw new NotSupportedException("the Message getter failed");
    }

    [Fact]
    public async Task InvokeAsync_MessageGetterThrowsInDevelopment_WritesTheNormalBodyWithAPlaceholder()
    {
        var logs = new FakeLogCollector();
        var context = NewContext();

        await Create(_ => throw new MessageThrowsException(), logs, "Development").InvokeAsync(context);

        Assert.Equal(500, context.Response.StatusCode);
        var body = Body(context);
        Assert.StartsWith("(Message unavailable: its getter threw System.NotSupportedException)", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(typeof(MessageThrowsException).FullName, body.GetProperty("exception").GetProperty("type").GetString());
        Assert.Equal([1], logs.GetSnapshot().Select(r => r.Id.Id));
    }

    private sealed class StartedResponseFeature : HttpResponseFeature
    {
        public override bool HasStarted => true;
    }

    private sealed class RecordingLifetimeFeature : IHttpRequestLifetimeFeature
    {
        public bool Aborted { get; private set; }

        public CancellationToken RequestAborted { get; set; }

        public void Abort() => Aborted = true;
    }
}
