using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The message template and property names of one shape of a failure's log event (which event, and whether it
/// carries an error code, error-storm values, a rendering failure or the request headers), parsed once so that rendering a
/// message is a walk over literal text and property indexes.
/// </summary>
internal sealed class FailureLogTemplate
{
    public const string OriginalFormatKey = "{OriginalFormat}";

    private static readonly ConcurrentDictionary<int, FailureLogTemplate> Shapes = new();

    private readonly (string? Literal, int Property, string? Format)[] _segments;

    private FailureLogTemplate(string text, string[] propertyNames)
    {
        Text = text;
        PropertyNames = propertyNames;
        _segments = Parse(text, propertyNames);
    }

    /// <summary>Gets the template, as sinks receive it in <c>{OriginalFormat}</c>.</summary>
    public string Text { get; }

    /// <summary>Gets the names of the event's properties, in the order the state lists them.</summary>
    public string[] PropertyNames { get; }

    public static FailureLogTemplate For(FailureOutcome outcome, bool errorCode, bool storm, bool renderingFailed, bool headers)
    {
        var key = ((int)outcome << 4) | (errorCode ? 8 : 0) | (storm ? 4 : 0) | (renderingFailed ? 2 : 0) | (headers ? 1 : 0);
        return Shapes.GetOrAdd(
            key,
            static (_, shape) => Create(shape.outcome, shape.errorCode, shape.storm, shape.renderingFailed, shape.headers),
            (outcome, errorCode, storm, renderingFailed, headers));
    }

    public string Render(KeyValuePair<string, object?>[] properties)
    {
        // Formatted straight into a stack buffer, numbers and the timestamp without a string of their own; a longer
        // message continues in a pooled array.
        var message = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        foreach (var (literal, property, format) in _segments)
        {
            if (literal is not null)
            {
                message.AppendLiteral(literal);
            }
            else
            {
                message.AppendFormatted(properties[property].Value, format);
            }
        }

        return message.ToStringAndClear();
    }

    private static FailureLogTemplate Create(FailureOutcome outcome, bool errorCode, bool storm, bool renderingFailed, bool headers)
    {
        var text = outcome switch
        {
            FailureOutcome.ResponseStarted =>
                "{RequestMethod} {RequestPath}{QueryString} failed with {ExceptionType} after the response had started with status {StatusCode}; the connection was aborted ({TraceId})",
            FailureOutcome.Aborted =>
                "The client aborted {RequestMethod} {RequestPath}{QueryString} ({ExceptionType}); responded {StatusCode} ({TraceId})",
            _ => "{RequestMethod} {RequestPath}{QueryString} failed with {ExceptionType}; responded {StatusCode} ({TraceId})",
        };
        List<string> names = ["RequestMethod", "RequestPath", "QueryString", "StatusCode", "TraceId", "Timestamp", "ExceptionType"];
        if (errorCode)
        {
            text += ", error code {ErrorCode}";
            names.Add("ErrorCode");
        }

        if (storm)
        {
            text += ", occurrence {OccurrenceCount} of {ExceptionFingerprint}";
            names.AddRange(["ExceptionFingerprint", "OccurrenceCount"]);
        }

        if (renderingFailed)
        {
            text += "; the exception is not attached because rendering it failed: {ExceptionRenderingFailure}";
            names.Add("ExceptionRenderingFailure");
        }

        if (headers)
        {
            text += "; request headers {RequestHeaders}";
            names.Add("RequestHeaders");
        }

        names.Add(OriginalFormatKey);
        return new FailureLogTemplate(text, [.. names]);
    }

    private static (string?, int, string?)[] Parse(string text, string[] propertyNames)
    {
        var segments = new List<(string?, int, string?)>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            if (open < 0)
            {
                segments.Add((text[position..], -1, null));
                break;
            }

            if (open > position)
            {
                segments.Add((text[position..open], -1, null));
            }

            var close = text.IndexOf('}', open);
            var hole = text[(open + 1)..close];
            var colon = hole.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? hole : hole[..colon];
            segments.Add((null, Array.IndexOf(propertyNames, name), colon < 0 ? null : hole[(colon + 1)..]));
            position = close + 1;
        }

        return [.. segments];
    }
}
