using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Decides the status and log level of an exception: the predicate mappings, in the order they were added; then
/// the type mappings of every form, most derived type first (a problem factory that returns <see langword="null"/>
/// passes to the next less derived one); then the built-in defaults — <see cref="BadHttpRequestException"/> keeps
/// its status, a DataAnnotations <see cref="ValidationException"/> is a 400 validation problem, a
/// <see cref="ProblemDetailsException"/> is its problem — then the app's
/// <see cref="Microsoft.AspNetCore.Builder.ExceptionHandlerOptions.StatusCodeSelector"/>, and everything else is a 500.
/// A client abort is decided before any of this, by <see cref="IsClientAbort"/>.
/// </summary>
internal sealed class ExceptionClassifier
{
    private readonly FrozenDictionary<Type, ExceptionMapping> _typeMappings;
    private readonly (Func<Exception, bool> Predicate, ExceptionMapping Mapping)[] _predicateMappings;
    private readonly ExceptionTypeCache<ExceptionMapping[]> _mappingsByThrownType = new();
    private readonly Func<Exception, int>? _statusCodeSelector;

    public ExceptionClassifier(
        IReadOnlyDictionary<Type, ExceptionMapping> typeMappings,
        IEnumerable<(Func<Exception, bool> Predicate, ExceptionMapping Mapping)> predicateMappings,
        Func<Exception, int>? statusCodeSelector = null)
    {
        _typeMappings = typeMappings.ToFrozenDictionary();
        _predicateMappings = [.. predicateMappings];
        _statusCodeSelector = statusCodeSelector;
    }

    /// <summary>
    /// Whether the exception only says that the client went away: an <see cref="OperationCanceledException"/>
    /// or <see cref="IOException"/> while the request is aborted.
    /// </summary>
    public static bool IsClientAbort(HttpContext context, Exception exception) =>
        exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested;

    /// <summary>
    /// Classifies an exception. Throws when an app's selector or factory throws, or when a selector, a factory or
    /// the exception gives a status no problem can be sent with (<see cref="ProblemStatus"/>): that is a failure of
    /// the handler, not of the request.
    /// </summary>
    public ExceptionClassification Classify(HttpContext context, Exception exception)
    {
        var unwrapped = Unwrap(exception);
        if (Match(context, unwrapped) is { } classification)
        {
            return classification;
        }

        if (!ReferenceEquals(unwrapped, exception) && Match(context, exception) is { } wrapperClassification)
        {
            return wrapperClassification;
        }

        return unwrapped switch
        {
            BadHttpRequestException badRequest => new(
                ProblemStatus.Checked(badRequest.StatusCode, "A BadHttpRequestException"), LogLevel.Information, null, unwrapped),
            ValidationException validation => new(
                StatusCodes.Status400BadRequest, LogLevel.Information, null, unwrapped, ValidationErrors: ErrorsOf(validation)),
            ProblemDetailsException { ProblemDetails: var problem } => Authored(null, unwrapped, problem, "The problem of a ProblemDetailsException"),
            _ when _statusCodeSelector is { } selector => Selected(selector, unwrapped),
            _ => new(StatusCodes.Status500InternalServerError, LogLevel.Error, null, unwrapped),
        };
    }

    private static Exception Unwrap(Exception exception)
    {
        for (var depth = 0; depth < ExceptionDepthBounds.MaxInnerExceptionDepth; depth++)
        {
            switch (exception)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    break;
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    break;
                default:
                    return exception;
            }
        }

        return exception;
    }

    private ExceptionClassification? Match(HttpContext context, Exception exception)
    {
        foreach (var (predicate, mapping) in _predicateMappings)
        {
            if (predicate(exception))
            {
                return new(mapping.StatusCode, mapping.LogLevelFor(mapping.StatusCode), mapping, exception);
            }
        }

        if (_typeMappings.Count == 0)
        {
            return null;
        }

        foreach (var mapping in MappingsOf(exception.GetType()))
        {
            if (mapping.ProblemFactory is { } factory)
            {
                if (factory(context, exception) is { } problem)
                {
                    return Authored(mapping, exception, problem, "The problem factory of an exception mapping (Map<TException>(Func<HttpContext, TException, ProblemDetails?>))");
                }

                continue;
            }

            var statusCode = mapping.StatusSelector is { } selector
                ? ProblemStatus.Checked(selector(exception), "The status selector of an exception mapping (Map<TException>(Func<TException, int>))")
                : mapping.StatusCode;
            var errors = mapping.ValidationErrors?.Invoke(exception)
                ?? (mapping.ValidationErrors is null ? null : throw new InvalidOperationException("A validation errors selector returned null."));
            return new(statusCode, mapping.LogLevelFor(statusCode), mapping, exception, ValidationErrors: errors);
        }

        return null;
    }

    // The mapped types of a thrown type and its base types, most derived first, found once per thrown type.
    private ExceptionMapping[] MappingsOf(Type thrownType) =>
        _mappingsByThrownType.GetOrAdd(thrownType, static (type, mappings) =>
        {
            var found = new List<ExceptionMapping>();
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (mappings.TryGetValue(current, out var mapping))
                {
                    found.Add(mapping);
                }
            }

            return [.. found];
        }, _typeMappings);

    private static ExceptionClassification Authored(ExceptionMapping? mapping, Exception exception, ProblemDetails problem, string source)
    {
        var statusCode = ProblemStatus.Checked(problem.Status ?? StatusCodes.Status500InternalServerError, source);
        return new(statusCode, mapping?.LogLevel ?? ProblemStatus.DefaultLogLevel(statusCode), mapping, exception, AuthoredProblem: problem);
    }

    // An app that moved from UseExceptionHandler keeps the statuses its ExceptionHandlerOptions.StatusCodeSelector
    // gave; its status is checked as a mapping's is, and logged by status as a mapping's is.
    private static ExceptionClassification Selected(Func<Exception, int> selector, Exception exception)
    {
        var statusCode = ProblemStatus.Checked(selector(exception), "ExceptionHandlerOptions.StatusCodeSelector");
        return new(statusCode, ProblemStatus.DefaultLogLevel(statusCode), null, exception);
    }

    private static Dictionary<string, string[]> ErrorsOf(ValidationException exception)
    {
        var result = exception.ValidationResult;
        var message = result.ErrorMessage ?? exception.Message;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var named = false;
        foreach (var member in result.MemberNames)
        {
            errors[member] = [message];
            named = true;
        }

        if (!named)
        {
            errors[string.Empty] = [message];
        }

        return errors;
    }
}
