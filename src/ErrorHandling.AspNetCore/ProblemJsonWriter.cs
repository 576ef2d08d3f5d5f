using System.Text.Json;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Writes the RFC 9457 problem details body with <see cref="Utf8JsonWriter"/> (no reflection, so it
/// is trimming- and AOT-safe). Member names are camelCase, in the RFC's order, then the extensions.
/// </summary>
internal static class ProblemJsonWriter
{
    /// <summary>How many levels of inner exceptions the <c>exception</c> member shows.</summary>
    public const int MaxInnerExceptionDepth = 8;

    /// <summary>How many of an <see cref="AggregateException"/>'s inner exceptions are listed.</summary>
    public const int MaxAggregateInnerExceptions = 16;

    public static void Write(
        Utf8JsonWriter writer,
        int status,
        string? type,
        string? title,
        string? detail,
        string instance,
        string traceId,
        Exception? exceptionDetails)
    {
        writer.WriteStartObject();
        if (type is not null)
        {
            writer.WriteString(JsonNames.Type, type);
        }

        if (title is not null)
        {
            writer.WriteString(JsonNames.Title, title);
        }

        writer.WriteNumber(JsonNames.Status, status);
        if (detail is not null)
        {
            writer.WriteString(JsonNames.Detail, detail);
        }

        writer.WriteString(JsonNames.Instance, instance);
        writer.WriteString(JsonNames.TraceId, traceId);
        if (exceptionDetails is not null)
        {
            writer.WritePropertyName(JsonNames.Exception);
            WriteException(writer, exceptionDetails, depth: 0);
        }

        writer.WriteEndObject();
    }

    private static void WriteException(Utf8JsonWriter writer, Exception exception, int depth)
    {
        writer.WriteStartObject();
        writer.WriteString(JsonNames.Type, exception.GetType().FullName);
        writer.WriteString(JsonNames.Message, exception.Message);
        writer.WriteString(JsonNames.StackTrace, exception.StackTrace);

        if (depth < MaxInnerExceptionDepth)
        {
            if (exception is AggregateException aggregate)
            {
                writer.WriteStartArray(JsonNames.InnerExceptions);
                var count = Math.Min(aggregate.InnerExceptions.Count, MaxAggregateInnerExceptions);
                for (var i = 0; i < count; i++)
                {
                    WriteException(writer, aggregate.InnerExceptions[i], depth + 1);
                }

                writer.WriteEndArray();
            }
            else if (exception.InnerException is { } inner)
            {
                writer.WritePropertyName(JsonNames.InnerException);
                WriteException(writer, inner, depth + 1);
            }
        }

        writer.WriteEndObject();
    }
}
