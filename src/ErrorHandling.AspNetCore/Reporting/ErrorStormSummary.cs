using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The failures of one fingerprint and window whose log events <see cref="GlobalErrorHandlerOptions.ErrorStormEventsPerWindow"/>
/// left out: the values of the <c>ErrorStormSummary</c> event (EventId 5).
/// </summary>
/// <param name="ExceptionType">The full name of the exception's type.</param>
/// <param name="Fingerprint">The fingerprint, 16 lowercase hexadecimal digits.</param>
/// <param name="StatusCode">The status sent for the first suppressed failure.</param>
/// <param name="Level">The level of the suppressed failures' events, and of the summary.</param>
/// <param name="SuppressedCount">How many failures got no event of their own.</param>
/// <param name="WindowStart">When the window started (UTC).</param>
/// <param name="WindowEnd">When the window ended (UTC): its start plus the window, or when the host stopped.</param>
/// <param name="SampleTraceIds">The trace ids of the first suppressed failures.</param>
internal sealed record ErrorStormSummary(
    string ExceptionType,
    string Fingerprint,
    int StatusCode,
    LogLevel Level,
    long SuppressedCount,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    TraceIdSample SampleTraceIds);
