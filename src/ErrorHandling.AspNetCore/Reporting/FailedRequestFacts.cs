using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>The values of a failure that an <see cref="ErrorStormSummary"/> keeps when its event is suppressed.</summary>
/// <param name="ExceptionType">The full name of the exception's type.</param>
/// <param name="StatusCode">The status sent.</param>
/// <param name="Level">The level of its event.</param>
/// <param name="TraceId">The trace id of the request.</param>
internal readonly record struct FailedRequestFacts(string ExceptionType, int StatusCode, LogLevel Level, string TraceId);
