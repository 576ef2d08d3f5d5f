using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Renders the HTML error page for browsers: a self-contained, accessible UTF-8 document with inline CSS
/// for light and dark colour schemes, no script and no external resource. Every value from the problem
/// details or the exception is HTML-encoded with <see cref="HtmlEncoder.Default"/>.
/// </summary>
internal static class HtmlErrorPageWriter
{
    /// <summary>The <c>Content-Type</c> of the page.</summary>
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>
    /// The <c>Content-Security-Policy</c> sent with the page: nothing may load or run, except the page's own
    /// stylesheet, allowed by its hash (<see cref="StyleSha256"/>) rather than by <c>'unsafe-inline'</c>.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src '" + StyleSha256 + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The CSP hash source of <see cref="Style"/>.</summary>
    internal const string StyleSha256 = "sha256-LHkfiznk39jNJdIpJCaErDr0rIdIUil6vjyoymfjO0E=";

    /// <summary>The page's only stylesheet, inlined into a <c>&lt;style&gt;</c> element.</summary>
    internal const string Style =
        ":root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1f;--muted:#55555e;--accent:#b3261e;--panel:#f3f3f6;--border:#d5d5dc}" +
        "@media (prefers-color-scheme:dark){:root{--bg:#141417;--fg:#ececf1;--muted:#a9a9b4;--accent:#ff8a80;--panel:#1f1f25;--border:#3b3b44}}" +
        "*{box-sizing:border-box}" +
        "body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif}" +
        "main{max-width:60rem;margin:0 auto;padding:2.5rem 1.25rem}" +
        ".status{margin:0;color:var(--accent);font-weight:600;letter-spacing:.04em}" +
        "h1{margin:.25rem 0 1rem;font-size:1.75rem;line-height:1.25;overflow-wrap:anywhere}" +
        "h2{margin:2.5rem 0 .5rem;font-size:1.25rem}" +
        "h3{margin:1.75rem 0 .5rem;font-size:1rem;overflow-wrap:anywhere}" +
        "p{overflow-wrap:anywhere}" +
        ".note{color:var(--muted)}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1.5rem 0}" +
        "dt{color:var(--muted)}" +
        "dd{margin:0;overflow-wrap:anywhere}" +
        "code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,\"Liberation Mono\",monospace;font-size:.875rem}" +
        "pre{margin:.5rem 0 0;padding:1rem;background:var(--panel);border:1px solid var(--border);border-radius:.375rem;overflow-x:auto;white-space:pre}" +
        "section{border-top:1px solid var(--border);margin-top:2.5rem}";

    // Only HTML-encoded text reaches the page, so the JSON need not escape markup or non-ASCII text as well.
    private static readonly JsonWriterOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Renders the page of a problem: its status, title, detail, <c>traceId</c> and <c>code</c> extensions, so the page shows
    /// what the JSON body would have carried, and the exception when details may be shown.
    /// </summary>
    /// <param name="problem">The problem details, after every customization.</param>
    /// <param name="status">The status of the response, used when <see cref="ProblemDetails.Status"/> is not set.</param>
    /// <param name="exceptionDetails">The exception to show, or <see langword="null"/> when details must not be written.</param>
    /// <param name="serializerOptions">The app's JSON options, for extension values that are no string or number.</param>
    /// <param name="language">The page's <c>lang</c>: the culture name its texts were translated into, or <see langword="null"/> for English.</param>
    /// <returns>The UTF-8 page; the caller disposes it.</returns>
    public static PooledBufferWriter Render(
        ProblemDetails problem, int status, Exception? exceptionDetails, JsonSerializerOptions serializerOptions, string? language = null)
    {
        var page = new PooledBufferWriter();
        try
        {
            Write(page, problem, problem.Status ?? status, exceptionDetails, serializerOptions, language);
            return page;
        }
        catch
        {
            page.Dispose();
            throw;
        }
    }

    private static string? TraceIdOf(ProblemDetails problem) =>
        problem.Extensions.TryGetValue(ProblemDetailsBuilder.TraceIdKey, out var value)
            ? value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;

    private static void Write(
        PooledBufferWriter page, ProblemDetails problem, int status, Exception? exceptionDetails, JsonSerializerOptions serializerOptions, string? language)
    {
        var (title, detail, traceId) = (problem.Title, problem.Detail, TraceIdOf(problem));
        var reasonPhrase = ReasonPhrases.GetReasonPhrase(status);
        var heading = string.IsNullOrEmpty(title) ? (reasonPhrase.Length != 0 ? reasonPhrase : "Error") : title;
        var statusText = reasonPhrase.Length != 0
            ? status.ToString(CultureInfo.InvariantCulture) + " " + reasonPhrase
            : status.ToString(CultureInfo.InvariantCulture);

        if (language is null)
        {
            Raw(page, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"u8);
        }
        else
        {
            Raw(page, "<!DOCTYPE html>\n<html lang=\""u8);
            Text(page, language);
            Raw(page, "\">\n<head>\n<meta charset=\"utf-8\">\n"u8);
        }

        Raw(page, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"u8);
        Raw(page, "<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"robots\" content=\"noindex\">\n<title>"u8);
        Text(page, statusText);
        Raw(page, " \u2013 "u8);
        Text(page, heading);
        Raw(page, "</title>\n<style>"u8);
        Raw(page, Style);
        Raw(page, "</style>\n</head>\n<body>\n<main>\n<p class=\"status\">Error "u8);
        Text(page, statusText);
        Raw(page, "</p>\n<h1>"u8);
        Text(page, heading);
        Raw(page, "</h1>\n"u8);
        Element(page, "<p>"u8, detail, "</p>\n"u8);
        Raw(page, "<dl>\n"u8);
        Element(page, "<dt>Status</dt><dd>"u8, statusText, "</dd>\n"u8);
        Element(page, "<dt>Trace id</dt><dd><code>"u8, traceId, "</code></dd>\n"u8);

        // The error code is what a user quotes to support and what the docs are searched for, so it gets its own row.
        var hasCode = problem.Extensions.TryGetValue(ErrorCodeRules.ExtensionKey, out var code) && code is not null;
        if (hasCode)
        {
            Element(page, "<dt>Error code</dt><dd><code>"u8, TextOf(code, serializerOptions), "</code></dd>\n"u8);
        }

        foreach (var (name, value) in problem.Extensions)
        {
            if (name != ProblemDetailsBuilder.TraceIdKey && !(hasCode && name == ErrorCodeRules.ExtensionKey))
            {
                Raw(page, "<dt>"u8);
                Text(page, name);
                Raw(page, "</dt><dd>"u8);
                Text(page, TextOf(value, serializerOptions));
                Raw(page, "</dd>\n"u8);
            }
        }

        Raw(page, "</dl>\n"u8);
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            WriteValidationErrors(page, validation.Errors);
        }

        if (exceptionDetails is not null)
        {
            Raw(page, "<section aria-labelledby=\"exception-details\">\n<h2 id=\"exception-details\">Exception details</h2>\n"u8);
            Raw(page, "<p class=\"note\">Shown because exception details are enabled for this environment. Never enable them where the public can see them.</p>\n"u8);
            WriteException(page, exceptionDetails, "Exception", depth: 0);
            Raw(page, "</section>\n"u8);
        }

        Raw(page, "</main>\n</body>\n</html>\n"u8);
    }

    // Inner exceptions are bounded exactly as in the JSON body, and listed flat
    // under h3 headings so that the heading outline stays valid however deep the chain goes.
    private static void WriteException(PooledBufferWriter page, Exception exception, string label, int depth)
    {
        Raw(page, "<h3>"u8);
        Text(page, label);
        Raw(page, ": <code>"u8);
        Text(page, SafeExceptionText.TypeName(exception));
        Raw(page, "</code></h3>\n<p>"u8);
        Text(page, SafeExceptionText.Message(exception));
        Raw(page, "</p>\n"u8);
        if (SafeExceptionText.StackTrace(exception) is { Length: > 0 } stackTrace)
        {
            Raw(page, "<pre>"u8);
            WriteLines(page, stackTrace);
            Raw(page, "</pre>\n"u8);
        }

        var level = depth + 1;
        if (exception is AggregateException aggregate)
        {
            var total = aggregate.InnerExceptions.Count;
            if (total == 0)
            {
                return;
            }

            if (depth >= ExceptionDepthBounds.MaxInnerExceptionDepth)
            {
                Note(page, "Deeper inner exceptions are not shown.");
                return;
            }

            var shown = Math.Min(total, ExceptionDepthBounds.MaxAggregateInnerExceptions);
            for (var i = 0; i < shown; i++)
            {
                WriteException(
                    page,
                    aggregate.InnerExceptions[i],
                    string.Create(CultureInfo.InvariantCulture, $"Inner exception {i + 1} of {total} (level {level})"),
                    level);
            }

            if (total > shown)
            {
                Note(page, string.Create(CultureInfo.InvariantCulture, $"{total - shown} more inner exceptions are not shown."));
            }
        }
        else if (exception.InnerException is { } inner)
        {
            if (depth >= ExceptionDepthBounds.MaxInnerExceptionDepth)
            {
                Note(page, "Deeper inner exceptions are not shown.");
                return;
            }

            WriteException(page, inner, string.Create(CultureInfo.InvariantCulture, $"Inner exception (level {level})"), level);
        }
    }

    private static void WriteValidationErrors(PooledBufferWriter page, IDictionary<string, string[]> errors)
    {
        Raw(page, "<section aria-labelledby=\"validation-errors\">\n<h2 id=\"validation-errors\">Validation errors</h2>\n<dl>\n"u8);
        foreach (var (field, messages) in errors)
        {
            Raw(page, "<dt>"u8);
            Text(page, field.Length == 0 ? "(the request as a whole)" : field);
            Raw(page, "</dt><dd><ul>"u8);
            foreach (var message in messages)
            {
                Raw(page, "<li>"u8);
                Text(page, message);
                Raw(page, "</li>"u8);
            }

            Raw(page, "</ul></dd>\n"u8);
        }

        Raw(page, "</dl>\n</section>\n"u8);
    }

    // The value as the JSON body writes it (lists and objects as JSON text, with the app's serializer options), and a
    // string without its quotes, as for a string extension. Encoded for the page afterwards, like every value.
    private static string TextOf(object? value, JsonSerializerOptions serializerOptions)
    {
        if (value is string text)
        {
            return text;
        }

        using var json = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(json, ReadableJson))
        {
            ProblemJsonWriter.WriteValue(writer, value, serializerOptions);
        }

        var reader = new Utf8JsonReader(json.WrittenMemory.Span);
        return reader.Read() && reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : Encoding.UTF8.GetString(json.WrittenMemory.Span);
    }

    // Nothing at all for a missing value, so the page never shows an empty element.
    private static void Element(PooledBufferWriter page, ReadOnlySpan<byte> open, string? text, ReadOnlySpan<byte> close)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Raw(page, open);
        Text(page, text);
        Raw(page, close);
    }

    private static void Note(PooledBufferWriter page, string text)
    {
        Raw(page, "<p class=\"note\">"u8);
        Text(page, text);
        Raw(page, "</p>\n"u8);
    }

    // One stack frame a line, each encoded on its own, so a frame can never open markup that the next closes.
    private static void WriteLines(PooledBufferWriter page, string text)
    {
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).TrimEnd('\r');
            if (line.IsWhiteSpace())
            {
                continue;
            }

            Text(page, line);
            Raw(page, "\n"u8);
        }
    }

    private static void Raw(PooledBufferWriter page, ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(page.GetSpan(utf8.Length));
        page.Advance(utf8.Length);
    }

    private static void Raw(PooledBufferWriter page, string text)
    {
        var written = Encoding.UTF8.GetBytes(text, page.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
        page.Advance(written);
    }

    private static void Text(PooledBufferWriter page, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var buffer = ArrayPool<char>.Shared.Rent(Math.Clamp(text.Length * 2, 64, 4096));
        try
        {
            OperationStatus status;
            do
            {
                status = HtmlEncoder.Default.Encode(text, buffer, out var consumed, out var written, isFinalBlock: true);
                text = text[consumed..];
                var encoded = buffer.AsSpan(0, written);
                page.Advance(Encoding.UTF8.GetBytes(encoded, page.GetSpan(Encoding.UTF8.GetMaxByteCount(encoded.Length))));
            }
            while (status == OperationStatus.DestinationTooSmall);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
