using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.Serilog.Tests;

/// <summary>
/// An exception whose <c>Message</c>, <c>StackTrace</c> or <c>ToString()</c> throws, through the integration and
/// Serilog's real JSON formatter: the completion event must still be written.
/// </summary>
public sealed class UnrenderableExceptionTests
{
    [Theory]
    [InlineData(typeof(HostileExceptions.ToStringThrowsException), "ToString() threw System.InvalidOperationException")]
    [InlineData(typeof(HostileExceptions.StackTraceThrowsException), "ToString() threw System.InvalidOperationException")]
    [InlineData(typeof(HostileExceptions.MessageThrowsException), "Message threw System.InvalidOperationException")]
    public async Task UnrenderableException_HandlerEventOff_CompletionEventWrittenWithItsPropertiesAndWhatFailed(Type exceptionType, string renderingFailure)
    {
        var sink = new CompactJsonSink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapPost("/orders/{id}", string () => throw (Exception)Activator.CreateInstance(exceptionType)!),
            builder => builder.Services.AddGlobalErrorHandler(o => o.LogFailedRequests = false));

        var response = await app.GetTestClient().PostAsync("/orders/42?token=abc123", null);

        Assert.Equal(500, (int)response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var logEvent = JsonDocument.Parse(Assert.Single(sink.Lines));
        var properties = logEvent.RootElement;
        Assert.Equal("Error", properties.GetProperty("@l").GetString());
        Assert.False(properties.TryGetProperty("@x", out _));
        Assert.Equal("POST", properties.GetProperty("RequestMethod").GetString());
        Assert.Equal("/orders/42", properties.GetProperty("RequestPath").GetString());
        Assert.Equal("?token=***", properties.GetProperty("QueryString").GetString());
        Assert.Equal(500, properties.GetProperty("StatusCode").GetInt32());
        Assert.Equal(body.RootElement.GetProperty("traceId").GetString(), properties.GetProperty("TraceId").GetString());
        Assert.Equal(exceptionType.FullName, properties.GetProperty("ExceptionType").GetString());
        Assert.Equal(renderingFailure, properties.GetProperty("ExceptionRenderingFailure").GetString());
    }

    [Fact]
    public async Task OrdinaryException_HandlerEventOff_CompletionEventRendersTheExceptionAndNoRenderingFailure()
    {
        var sink = new CompactJsonSink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("boom")),
            builder => builder.Services.AddGlobalErrorHandler(o => o.LogFailedRequests = false));

        await app.GetTestClient().GetAsync("/fail");

        using var logEvent = JsonDocument.Parse(Assert.Single(sink.Lines));
        Assert.StartsWith("System.InvalidOperationException: boom", logEvent.RootElement.GetProperty("@x").GetString(), StringComparison.Ordinal);
        Assert.False(logEvent.RootElement.TryGetProperty("ExceptionRenderingFailure", out _));
    }
}
