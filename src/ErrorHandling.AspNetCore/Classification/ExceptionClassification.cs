using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// What the handler decided about an exception: the status, the log level, the mapping that matched
/// (if any) and the exception whose message is shown (the original, or the one unwrapped from an
/// <see cref="AggregateException"/> or <see cref="System.Reflection.TargetInvocationException"/>).
/// </summary>
internal readonly record struct ExceptionClassification(
    int StatusCode,
    LogLevel LogLevel,
    ExceptionMapping? Mapping,
    Exception MatchedException);
