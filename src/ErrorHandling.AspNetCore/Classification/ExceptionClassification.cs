using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// What the handler decided about an exception: the status, the log level, the mapping that matched (if any),
/// the exception whose message is shown (the original, or the one unwrapped from an <see cref="AggregateException"/>
/// or <see cref="System.Reflection.TargetInvocationException"/>), and what the app authored for it — a whole
/// problem (a problem factory, a <see cref="ProblemDetailsException"/>) or validation errors.
/// </summary>
internal readonly record struct ExceptionClassification(
    int StatusCode,
    LogLevel LogLevel,
    ExceptionMapping? Mapping,
    Exception MatchedException,
    ProblemDetails? AuthoredProblem = null,
    IDictionary<string, string[]>? ValidationErrors = null);
