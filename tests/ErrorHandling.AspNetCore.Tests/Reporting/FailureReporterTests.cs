using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary>The <see cref="FailureReporter"/> alone, on a <see cref="DefaultHttpContext"/> and a hand-made activity.</summary>
public sealed class FailureReporterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 30, 15, TimeSpan.Zero);

    private static Reporter Create(params IRequestFailureObserver[] observers)
    {
        var options = new GlobalErrorHandlerOptions { RedactedQueryParameters = { "token" } };
        var echo = new RequestEcho(options);
        var time = new FakeTimeProvider(Now);
        return new(new FailureReporter(
            new FailureLog(NullLogger.Instance, options),
            null,
            echo,
            logRequestHeaders: false,
            time,
            new ErrorHandlerMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()),
            observers));
    }

    /// <summary>Reports as the failure handler does: a request failure, or the handler's own (EventId 3).</summary>
    private sealed class Reporter(FailureReporter reporter)
    {
        public void Report(HttpContext context, Exception exception, int statusCode, LogLevel level, string traceId, FailureOutcome outcome)
        {
            if (outcome == FailureOutcome.HandlerFailed)
            {
                reporter.ReportHandlerFailure(context, exception, statusCode, traceId);
            }
            else
            {
                reporter.ReportRequestFailure(context, exception, statusCode, level, traceId, outcome);
            }
        }
    }

    /// <summary>An activity of a source of this test's own that a listener samples, as a tracing SDK would.</summary>
    private sealed class RecordedActivity : IDisposable
    {
        private readonly ActivitySource _source = new($"FailureReporterTests-{Guid.NewGuid():N}");
        private readonly ActivityListener _listener;

        public RecordedActivity()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => ReferenceEquals(source, _source),
                Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_listener);
            Activity = _source.StartActivity("request")!;
        }

        public Activity Activity { get; }

        public void Dispose()
        {
            Activity.Dispose();
            _listener.Dispose();
            _source.Dispose();
        }
    }

    private static DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST\r\nforged";
        context.Request.PathBase = "/shop";
        context.Request.Path = "/orders/7\r\nforged";
        context.Request.QueryString = new QueryString("?token=abc&page=2");
        return context;
    }

    [Fact]
    public void Report_ActivityNoListenerRecords_SetsTheStatusButAddsNoEvent()
    {
        // What ASP.NET Core starts for log scopes when logging is on and no tracing listener is registered,
        // with the Recorded flag of a sampled incoming traceparent.
        using var activity = new Activity("request")
            .SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)
            .Start();

        Create().Report(NewContext(), new TimeoutException("slow"), 504, LogLevel.Error, "t", FailureOutcome.Handled);

        Assert.True(activity.Recorded);
        Assert.True(activity.IsAllDataRequested);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Empty(activity.Events);
    }

    [Fact]
    public void Report_ClientAbort_LeavesTheActivityAlone()
    {
        using var activity = new Activity("request").Start();

        Create().Report(NewContext(), new OperationCanceledException(), 499, LogLevel.Debug, "t", FailureOutcome.Aborted);

        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Empty(activity.Events);
        Assert.Null(activity.GetTagItem("error.type"));
    }

    [Fact]
    public void Report_Handled_MarksTheCurrentActivity()
    {
        using var recorded = new RecordedActivity();
        var activity = recorded.Activity;

        Create().Report(NewContext(), new TimeoutException("slow"), 504, LogLevel.Error, "t", FailureOutcome.Handled);

        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.TimeoutException", activity.GetTagItem("error.type"));
        Assert.Equal("exception", Assert.Single(activity.Events).Name);
    }

    [Fact]
    public void Report_ExceptionWhoseMessageThrows_DoesNotThrowAndStillMarksTheActivity()
    {
        using var activity = new Activity("request").Start();

        Create().Report(NewContext(), new MessageThrowsException(), 500, LogLevel.Error, "t", FailureOutcome.Handled);

        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(MessageThrowsException).FullName, activity.GetTagItem("error.type"));
    }

    [Theory]
    [InlineData(1, "UnhandledException")]
    [InlineData(2, "ResponseStarted")]
    [InlineData(4, "RequestAborted")]
    public void Report_EachLoggedOutcome_ObserverGetsTheLogEventsValues(int eventId, string eventName)
    {
        var outcome = (FailureOutcome)eventId;
        var observer = new RecordingObserver();
        var context = NewContext();
        var exception = new InvalidOperationException("boom");

        Create(observer).Report(context, exception, 503, LogLevel.Warning, "trace-7", outcome);

        var failure = Assert.Single(observer.Failures);
        Assert.Same(context, failure.HttpContext);
        Assert.Same(exception, failure.Exception);
        Assert.Equal(eventId, failure.EventId.Id);
        Assert.Equal(eventName, failure.EventId.Name);
        Assert.Equal(LogLevel.Warning, failure.LogLevel);
        Assert.Equal("POST\\r\\nforged", failure.RequestMethod);
        Assert.Equal("/shop/orders/7%0D%0Aforged", failure.RequestPath);
        Assert.Equal("?token=***&page=2", failure.QueryString);
        Assert.Equal(503, failure.StatusCode);
        Assert.Equal("trace-7", failure.TraceId);
        Assert.Equal(Now, failure.Timestamp);
        Assert.Equal("System.InvalidOperationException", failure.ExceptionType);
    }

    [Fact]
    public void Report_HandlerFailed_ObserversAreNotNotified()
    {
        var observer = new RecordingObserver();

        Create(observer).Report(NewContext(), new NotSupportedException(), 500, LogLevel.Error, "t", FailureOutcome.HandlerFailed);

        Assert.Empty(observer.Failures);
    }

    [Fact]
    public void Report_FirstObserverThrows_NextObserverStillNotified()
    {
        var second = new RecordingObserver();

        Create(new ThrowingObserver(), second).Report(NewContext(), new InvalidOperationException(), 500, LogLevel.Error, "t", FailureOutcome.Handled);

        Assert.Single(second.Failures);
    }

    private sealed class RecordingObserver : IRequestFailureObserver
    {
        public List<RequestFailure> Failures { get; } = [];

        public void OnRequestFailed(RequestFailure failure) => Failures.Add(failure);
    }

    private sealed class ThrowingObserver : IRequestFailureObserver
    {
        public void OnRequestFailed(RequestFailure failure) => throw new InvalidOperationException("observer bug");
    }

    private sealed class MessageThrowsException : Exception
    {
        public override string Message => throw new NotSupportedException("the Message getter failed");
    }
}
