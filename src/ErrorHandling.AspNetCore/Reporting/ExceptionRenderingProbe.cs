using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Tells, before an exception is attached to a log event, whether rendering it would throw: a sink that renders
/// it (<c>ToString()</c>, <c>Message</c>, <c>StackTrace</c>) and fails loses the whole event, silently where the
/// logging library swallows sink failures (Serilog does). Cheap for ordinary exceptions: it reads each
/// <c>Message</c> in the chain, and renders the exception only while a type in the chain overrides
/// <c>ToString()</c> or <c>StackTrace</c> outside the runtime library and has not yet rendered once without
/// failing — so a repeated failure of such a type is rendered by the probe once, not every time.
/// </summary>
internal static class ExceptionRenderingProbe
{
    // Per exception type: whether the probe must render it (an override it has not yet seen render).
    private static readonly ExceptionTypeCache<bool> NeedsRendering = new();

    /// <summary>
    /// Returns <see langword="null"/> when the exception renders, else what failed, such as
    /// <c>Message threw System.InvalidOperationException</c>.
    /// </summary>
    public static string? FindFailure(Exception exception)
    {
        if (FindMessageFailure(exception, 0, out var needsRendering) is { } failure)
        {
            return failure;
        }

        if (!needsRendering)
        {
            return null;
        }

        if (FindToStringFailure(exception) is { } renderingFailure)
        {
            return renderingFailure;
        }

        var depth = 0;
        for (var current = exception; current is not null && depth < ExceptionDepthBounds.MaxInnerExceptionDepth; current = current.InnerException, depth++)
        {
            NeedsRendering.Set(current.GetType(), false);
        }

        return null;
    }

    /// <summary>Renders the exception, as a sink would, and returns what failed, if anything.</summary>
    public static string? FindToStringFailure(Exception exception)
    {
        try
        {
            _ = exception.ToString();
            return null;
        }
        catch (Exception failure)
        {
            return $"ToString() threw {SafeExceptionText.TypeName(failure)}";
        }
    }

    private static string? FindMessageFailure(Exception exception, int depth, out bool needsRendering)
    {
        needsRendering = false;
        for (var current = exception; current is not null && depth < ExceptionDepthBounds.MaxInnerExceptionDepth; current = current.InnerException, depth++)
        {
            try
            {
                _ = current.Message;
            }
            catch (Exception failure)
            {
                return $"Message threw {SafeExceptionText.TypeName(failure)}";
            }

            needsRendering |= NeedsRendering.GetOrAdd(current.GetType(), static (type, _) => HasRenderingOverride(type), 0);
            if (current is AggregateException aggregate)
            {
                var count = Math.Min(aggregate.InnerExceptions.Count, ExceptionDepthBounds.MaxAggregateInnerExceptions);
                for (var i = 0; i < count; i++)
                {
                    if (FindMessageFailure(aggregate.InnerExceptions[i], depth + 1, out var innerNeedsRendering) is { } failure)
                    {
                        return failure;
                    }

                    needsRendering |= innerNeedsRendering;
                }

                return null;
            }
        }

        return null;
    }

    [UnconditionalSuppressMessage(
        "Trimming",
        "IL2070:UnrecognizedReflectionPattern",
        Justification = "An override the trimmer removed is never called; a member reflection cannot see is taken as not overridden, which only skips the probe's rendering.")]
    private static bool HasRenderingOverride(Type type)
    {
        try
        {
            var toString = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
            var stackTrace = type.GetProperty(nameof(Exception.StackTrace), BindingFlags.Public | BindingFlags.Instance)?.GetMethod;
            return IsOutsideTheRuntimeLibrary(toString) || IsOutsideTheRuntimeLibrary(stackTrace);
        }
        catch (AmbiguousMatchException)
        {
            return true;
        }

        // The runtime library's own overrides (FileNotFoundException's, say) add text and never throw.
        static bool IsOutsideTheRuntimeLibrary(MethodInfo? method) =>
            method?.DeclaringType is { } declaring && declaring.Assembly != typeof(Exception).Assembly;
    }

}
