using ErrorHandling.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ErrorHandling.Snippets;

/// <summary>The C# blocks of docs/telemetry.md.</summary>
public static class TelemetrySnippets
{
    /// <summary>Exports the handler's traces and metrics through OpenTelemetry.</summary>
    public static void OpenTelemetry(WebApplicationBuilder builder)
    {
        // <opentelemetry>
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter("ErrorHandling.AspNetCore"))
            .UseOtlpExporter();   // OTEL_EXPORTER_OTLP_ENDPOINT
        // </opentelemetry>
    }

    /// <summary>Registers a request failure observer.</summary>
    public static void RegisterObserver(WebApplicationBuilder builder)
    {
        // <register-observer>
        builder.Services.AddSingleton<IRequestFailureObserver, ErrorTrackerObserver>();
        builder.Services.AddGlobalErrorHandler();
        // </register-observer>
    }
}

/// <summary>Hands each failure the handler reports to an error tracker.</summary>
// <failure-observer>
public sealed class ErrorTrackerObserver(IErrorTracker tracker) : IRequestFailureObserver
{
    public void OnRequestFailed(RequestFailure failure)
    {
        // A repeat in error-storm mode carries no stack: send the fingerprint instead.
        if (failure.AttachesException)
        {
            tracker.Capture(failure.Exception, failure.TraceId, failure.RequestPath, failure.StatusCode);
        }
        else
        {
            tracker.CaptureRepeat(failure.ExceptionType, failure.ExceptionFingerprint, failure.TraceId);
        }
    }
}
// </failure-observer>

/// <summary>An error tracker's client, as the observer above uses it.</summary>
public interface IErrorTracker
{
    /// <summary>Sends an exception with the request's values.</summary>
    void Capture(Exception exception, string traceId, string requestPath, int statusCode);

    /// <summary>Counts a repeat of a failure already sent.</summary>
    void CaptureRepeat(string exceptionType, string? fingerprint, string traceId);
}
