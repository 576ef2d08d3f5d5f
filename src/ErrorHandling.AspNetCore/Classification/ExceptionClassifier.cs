using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Decides the status and log level of an exception: a client abort first; then the predicate mappings, in the
/// order they were added; then the most derived mapped type; then the built-in defaults
/// (<see cref="BadHttpRequestException"/> keeps its status; everything else is a 500).
/// </summary>
internal sealed class ExceptionClassifier
{
    // AggregateException and TargetInvocationException can wrap each other; a handful of levels covers
    // every real case without letting a pathological chain cost anything.
    private const int MaxUnwrapDepth = 8;

    private readonly FrozenDictionary<Type, ExceptionMapping> _typeMappings;
    private readonly (Func<Exception, bool> Predicate, ExceptionMapping Mapping)[] _predicateMappings;
    private readonly ConcurrentDictionary<Type, ExceptionMapping?> _mappingByThrownType = new();

    public ExceptionClassifier(
        IReadOnlyDictionary<Type, ExceptionMapping> typeMappings,
        IEnumerable<(Func<Exception, bool> Predicate, ExceptionMapping Mapping)> predicateMappings)
    {
        _typeMappings = typeMappings.ToFrozenDictionary();
        _predicateMappings = [.. predicateMappings];
    }

    /// <summary>
    /// Whether the exception only says that the client went away: an <see cref="OperationCanceledException"/>
    /// or <see cref="IOException"/> while the request is aborted.
    /// </summary>
    public static bool IsClientAbort(HttpContext context, Exception exception) =>
        exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested;

    public ExceptionClassification Classify(Exception exception)
    {
        var unwrapped = Unwrap(exception);
        if (FindMapping(unwrapped) is { } mapping)
        {
            return new ExceptionClassification(mapping.StatusCode, mapping.EffectiveLogLevel, mapping, unwrapped);
        }

        if (!ReferenceEquals(unwrapped, exception) && FindMapping(exception) is { } wrapperMapping)
        {
            return new ExceptionClassification(wrapperMapping.StatusCode, wrapperMapping.EffectiveLogLevel, wrapperMapping, exception);
        }

        return unwrapped is BadHttpRequestException badRequest
            ? new ExceptionClassification(badRequest.StatusCode, LogLevel.Information, null, unwrapped)
            : new ExceptionClassification(StatusCodes.Status500InternalServerError, LogLevel.Error, null, unwrapped);
    }

    private static Exception Unwrap(Exception exception)
    {
        for (var depth = 0; depth < MaxUnwrapDepth; depth++)
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

    private ExceptionMapping? FindMapping(Exception exception)
    {
        foreach (var (predicate, mapping) in _predicateMappings)
        {
            if (predicate(exception))
            {
                return mapping;
            }
        }

        if (_typeMappings.Count == 0)
        {
            return null;
        }

        return _mappingByThrownType.GetOrAdd(exception.GetType(), static (type, mappings) =>
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (mappings.TryGetValue(current, out var mapping))
                {
                    return mapping;
                }
            }

            return null;
        }, _typeMappings);
    }
}
