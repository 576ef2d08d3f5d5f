using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Writes the RFC 9457 problem details body with <see cref="Utf8JsonWriter"/> (no reflection, so it
/// is trimming- and AOT-safe). Member names are camelCase, in the RFC's order, then the extensions,
/// then the <c>request</c> and <c>exception</c> members when details are written.
/// </summary>
internal static class ProblemJsonWriter
{
    /// <summary>
    /// Renders the body of <paramref name="problem"/> into a pooled buffer, so it can be sent with a
    /// <c>Content-Length</c> in one write. The caller disposes the buffer.
    /// </summary>
    public static PooledBufferWriter Render(ProblemDetails problem, int status, DevelopmentDetails? details, JsonSerializerOptions serializerOptions)
    {
        var buffer = new PooledBufferWriter();
        try
        {
            using var writer = new Utf8JsonWriter(buffer);
            Write(writer, problem, status, details, serializerOptions);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes a body from a (customized) <see cref="ProblemDetails"/>. Extension values of types other than
    /// strings, numbers, booleans and <see cref="JsonElement"/> are serialized with
    /// <paramref name="serializerOptions"/>, the app's <c>Microsoft.AspNetCore.Http.Json.JsonOptions</c>.
    /// </summary>
    public static void Write(
        Utf8JsonWriter writer,
        ProblemDetails problem,
        int status,
        DevelopmentDetails? details,
        JsonSerializerOptions serializerOptions)
    {
        WriteStandardMembers(writer, problem.Status ?? status, problem.Type, problem.Title, problem.Detail, problem.Instance);
        if (problem is HttpValidationProblemDetails validation)
        {
            writer.WriteStartObject(JsonNames.Errors);
            foreach (var (field, messages) in validation.Errors)
            {
                writer.WriteStartArray(field);
                foreach (var message in messages)
                {
                    writer.WriteStringValue(message);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        foreach (var (name, value) in problem.Extensions)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value, serializerOptions);
        }

        WriteEnd(writer, details);
    }

    private static void WriteStandardMembers(Utf8JsonWriter writer, int status, string? type, string? title, string? detail, string? instance)
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

        if (instance is not null)
        {
            writer.WriteString(JsonNames.Instance, instance);
        }
    }

    private static void WriteEnd(Utf8JsonWriter writer, DevelopmentDetails? details)
    {
        if (details is { } development)
        {
            development.Echo.Write(writer, development.Request);
            if (development.Exception is { } exception)
            {
                writer.WritePropertyName(JsonNames.Exception);
                WriteException(writer, exception, depth: 0);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an extension value as the body does; the HTML page shows the same text.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions serializerOptions)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            default:
                JsonSerializer.Serialize(writer, value, serializerOptions.GetTypeInfo(value.GetType()));
                break;
        }
    }

    private static void WriteException(Utf8JsonWriter writer, Exception exception, int depth)
    {
        writer.WriteStartObject();
        writer.WriteString(JsonNames.Type, SafeExceptionText.TypeName(exception));
        writer.WriteString(JsonNames.Message, SafeExceptionText.Message(exception));
        writer.WriteString(JsonNames.StackTrace, SafeExceptionText.StackTrace(exception));

        if (depth < ExceptionDepthBounds.MaxInnerExceptionDepth)
        {
            if (exception is AggregateException aggregate)
            {
                writer.WriteStartArray(JsonNames.InnerExceptions);
                var count = Math.Min(aggregate.InnerExceptions.Count, ExceptionDepthBounds.MaxAggregateInnerExceptions);
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
