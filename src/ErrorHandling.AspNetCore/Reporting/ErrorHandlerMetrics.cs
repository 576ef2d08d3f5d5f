using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The <c>ErrorHandling.AspNetCore</c> meter and its <c>errorhandling.exceptions</c> counter.
/// The meter comes from the app's <see cref="IMeterFactory"/>, which owns its lifetime, so that every host
/// (and every test host) has its own.
/// </summary>
internal sealed class ErrorHandlerMetrics
{
    public const string MeterName = "ErrorHandling.AspNetCore";
    public const string ExceptionsCounterName = "errorhandling.exceptions";
    public const string ErrorTypeTag = "error.type";
    public const string StatusCodeTag = "http.response.status_code";
    public const string ResultTag = "errorhandling.result";

    private readonly Counter<long> _exceptions;

    public ErrorHandlerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _exceptions = meter.CreateCounter<long>(
            ExceptionsCounterName,
            unit: "{exception}",
            description: "Number of exceptions the global error handler caught, by exception type, status sent and result.");
    }

    public bool Enabled => _exceptions.Enabled;

    public void RecordException(string errorType, int statusCode, FailureOutcome outcome)
    {
        var tags = new TagList
        {
            { ErrorTypeTag, errorType },
            { StatusCodeTag, statusCode },
            { ResultTag, ResultName(outcome) },
        };
        _exceptions.Add(1, in tags);
    }

    private static string ResultName(FailureOutcome outcome) => outcome switch
    {
        FailureOutcome.Handled => "handled",
        FailureOutcome.ResponseStarted => "response_started",
        FailureOutcome.HandlerFailed => "handler_failed",
        _ => "aborted",
    };
}
