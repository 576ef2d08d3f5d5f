using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Responses;

/// <summary>
/// When the error response cannot be rendered after the exception was classified, the client gets the minimal 500,
/// and the EventId 1 event, the metrics and the observers say 500 — the status sent — not the mapped one.
/// </summary>
public sealed class RenderingFailureTests
{
    private sealed class OrderLockedException() : Exception("SENTINEL order is locked");

    private sealed class ThrowsWhenSerialized
    {
        private readonly string _failure = "SENTINEL serialization";

        public string Value => throw new InvalidOperationException(_failure);
    }

    private sealed class RecordingObserver : IRequestFailureObserver
    {
        private readonly List<RequestFailure> _failures = [];

        public RequestFailure[] Failures
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

    public static TheoryData<string> Failures() => ["extensionThrowsOnSerialization", "validationMessagesNull", "responseWriterThrows"];

    private static Exception Thrown(string failure) => failure == "validationMessagesNull"
        ? new FieldValidationException(new Dictionary<string, string[]> { ["Email"] = null! })
        : new OrderLockedException();

    private static void Configure(string failure, GlobalErrorHandlerOptions options)
    {
        switch (failure)
        {
            case "extensionThrowsOnSerialization":
                options.Map<OrderLockedException>(StatusCodes.Status409Conflict, m => m.Extensions["lock"] = new ThrowsWhenSerialized());
                break;
            case "validationMessagesNull":
                options.MapValidation<FieldValidationException>(e => e.Errors);
                break;
            default:
                options.Map<OrderLockedException>(StatusCodes.Status409Conflict);
                options.ResponseWriter = context =>
                {
                    context.HttpContext.Response.StatusCode = StatusCodes.Status409Conflict;
                    throw new InvalidOperationException("SENTINEL writer bug");
                };
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task RenderingFails_AfterClassification_EventMetricAndObserverCarryThe500Sent(string failure)
    {
        var observer = new RecordingObserver();
        await using var app = await TestApp.StartWithHandlerAsync(
            a => a.MapGet("/orders/17", string () => throw Thrown(failure)),
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
                builder.Services.AddSingleton<IRequestFailureObserver>(observer);
                builder.Services.AddGlobalErrorHandler(o => Configure(failure, o));
            });
        using var collector = new MetricCollector<long>(
            app.Services.GetRequiredService<IMeterFactory>(), "ErrorHandling.AspNetCore", "errorhandling.exceptions");

        var response = await app.GetTestClient().GetAsync("/orders/17");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, json.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("SENTINEL", body, StringComparison.Ordinal);

        var records = HandlerLog.Records(app.Services);
        Assert.Equal([1, 3], records.Select(r => r.Id.Id));
        Assert.Equal("500", records[0].GetStructuredStateValue("StatusCode"));
        Assert.Contains("; responded 500 (", records[0].Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Error, records[0].Level);
        Assert.Equal(Thrown(failure).GetType(), records[0].Exception?.GetType());

        Assert.Equal(500, Assert.Single(observer.Failures).StatusCode);
        var handled = Assert.Single(collector.GetMeasurementSnapshot(), m => (string?)m.Tags["errorhandling.result"] == "handled");
        Assert.Equal(500, handled.Tags["http.response.status_code"]);
    }
}
