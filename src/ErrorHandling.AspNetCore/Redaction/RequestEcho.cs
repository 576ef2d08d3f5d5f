using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Echoes the request — method, path, redacted query and redacted headers — into the Development
/// body and, when <see cref="GlobalErrorHandlerOptions.LogRequestHeaders"/> is set, the log event.
/// Sensitive values never leave as they came: they are replaced by <c>***</c>.
/// </summary>
internal sealed class RequestEcho(QueryStringRedactor queryRedactor, RedactedNameSet redactedHeaders)
{
    /// <summary>Creates the echo of <see cref="GlobalErrorHandlerOptions.RedactedQueryParameters"/> and <see cref="GlobalErrorHandlerOptions.RedactedHeaders"/>.</summary>
    public RequestEcho(GlobalErrorHandlerOptions options)
        : this(new QueryStringRedactor(new RedactedNameSet(options.RedactedQueryParameters)), new RedactedNameSet(options.RedactedHeaders))
    {
    }

    /// <summary>Gets the redactor of the query string, for the log event's <c>QueryString</c>.</summary>
    public QueryStringRedactor QueryRedactor => queryRedactor;

    private static readonly JsonEncodedText RequestName = JsonEncodedText.Encode("request");
    private static readonly JsonEncodedText MethodName = JsonEncodedText.Encode("method");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText QueryName = JsonEncodedText.Encode("query");
    private static readonly JsonEncodedText HeadersName = JsonEncodedText.Encode("headers");

    public void Write(Utf8JsonWriter writer, HttpRequest request)
    {
        writer.WriteStartObject(RequestName);
        writer.WriteString(MethodName, request.Method);
        writer.WriteString(PathName, (request.PathBase + request.Path).ToString());
        writer.WriteString(QueryName, queryRedactor.Redact(request.QueryString.Value));
        writer.WriteStartObject(HeadersName);
        foreach (var (name, values) in request.Headers)
        {
            writer.WriteString(name, HeaderValue(name, values.ToString()));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The request headers for a log event: redacted, and escaped against log forging.</summary>
    public Dictionary<string, string> HeadersForLog(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[LogValueEscaper.Escape(name)] = LogValueEscaper.Escape(HeaderValue(name, values.ToString()));
        }

        return headers;
    }

    /// <summary>
    /// The headers of <see cref="HeadersForLog"/> as the text of a JSON object (<c>{"Accept":"*/*","Authorization":"***"}</c>),
    /// the log event's <c>RequestHeaders</c>: a string reads the same in every sink, where a dictionary would print as
    /// its type name in the framework's JSON console.
    /// </summary>
    public static string HeadersAsJson(IReadOnlyDictionary<string, string> headers)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in headers)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenMemory.Span);
    }

    private string HeaderValue(string name, string value) =>
        redactedHeaders.Matches(name) ? QueryStringRedactor.Mask : value;
}
