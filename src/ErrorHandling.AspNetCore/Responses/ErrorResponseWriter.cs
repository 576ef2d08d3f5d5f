using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Writes the error response of a failure: resets the failed response (keeping
/// <see cref="GlobalErrorHandlerOptions.PreservedResponseHeaders"/>), then writes the problem with the app's
/// <see cref="GlobalErrorHandlerOptions.ResponseWriter"/>, as the HTML page for a browser, with the app's own
/// <see cref="IProblemDetailsWriter"/> for a client that prefers what it writes (<see cref="AppProblemDetailsWriters"/>),
/// or as <c>application/problem+json</c>; and the minimal generic 500 when writing that failed.
/// </summary>
internal sealed class ErrorResponseWriter
{
    private const string ProblemJsonContentType = "application/problem+json";

    private readonly NamePatternSet _preservedHeaders;
    private readonly bool _htmlErrorPages;
    private readonly Func<ErrorResponseContext, Task>? _responseWriter;
    private readonly bool _includeDetails;
    private readonly RequestEcho _requestEcho;
    private readonly JsonSerializerOptions _serializerOptions;
    private readonly byte[] _fallbackBody;
    private readonly AppProblemDetailsWriters _appWriters;

    public ErrorResponseWriter(
        GlobalErrorHandlerOptions options,
        bool includeDetails,
        RequestEcho requestEcho,
        JsonSerializerOptions serializerOptions,
        AppProblemDetailsWriters appWriters)
    {
        _appWriters = appWriters;
        _preservedHeaders = new NamePatternSet(options.PreservedResponseHeaders);
        _htmlErrorPages = options.HtmlErrorPages;
        _responseWriter = options.ResponseWriter;
        _includeDetails = includeDetails;
        _requestEcho = requestEcho;
        _serializerOptions = serializerOptions;
        _fallbackBody = RenderFallbackBody(options.GenericDetail);
    }

    /// <summary>
    /// Clears the failed response — status, headers, buffered body — except the preserved headers, sets the
    /// status and the no-cache headers.
    /// </summary>
    public void Reset(HttpResponse response, int statusCode)
    {
        var headers = response.Headers;
        KeyValuePair<string, StringValues>[]? kept = null;
        var keptCount = 0;
        if (headers.Count != 0 && !_preservedHeaders.IsEmpty)
        {
            foreach (var header in headers)
            {
                if (_preservedHeaders.Matches(header.Key))
                {
                    kept ??= new KeyValuePair<string, StringValues>[headers.Count];
                    kept[keptCount++] = header;
                }
            }
        }

        response.Clear();
        for (var i = 0; i < keptCount; i++)
        {
            headers[kept![i].Key] = kept[i].Value;
        }

        response.StatusCode = statusCode;
        headers.CacheControl = "no-cache,no-store";
        headers.Pragma = "no-cache";
        headers.Expires = "-1";
    }

    /// <summary>
    /// Sets the problem's status and writes its body: what the app's writer writes, the HTML page when the
    /// request prefers <c>text/html</c>, the app's problem details writer for another media type it prefers over
    /// JSON, or <c>application/problem+json</c>.
    /// </summary>
    public async Task WriteProblemAsync(HttpContext context, ProblemDetails problem, int statusCode, Exception? exception)
    {
        statusCode = problem.Status ?? statusCode;
        context.Response.StatusCode = statusCode;
        if (_responseWriter is not null)
        {
            await _responseWriter(new ErrorResponseContext(context, exception, problem, _includeDetails)).ConfigureAwait(false);
            return;
        }

        if (_htmlErrorPages && ErrorPageNegotiator.PrefersHtml(context.Request.Headers.Accept))
        {
            using var page = HtmlErrorPageWriter.Render(problem, statusCode, _includeDetails ? exception : null);
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = HtmlErrorPageWriter.ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            await WriteAsync(context, HtmlErrorPageWriter.ContentType, page.WrittenMemory).ConfigureAwait(false);
            return;
        }

        if (await _appWriters.TryWriteAsync(context, problem, _includeDetails ? exception : null).ConfigureAwait(false))
        {
            return;
        }

        var details = _includeDetails ? new DevelopmentDetails(_requestEcho, context.Request, exception) : (DevelopmentDetails?)null;
        using var body = ProblemJsonWriter.Render(problem, statusCode, details, _serializerOptions);
        await WriteAsync(context, ProblemJsonContentType, body.WrittenMemory).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the minimal generic 500 problem, the last answer when writing the error response failed; aborts
    /// the connection when even that is impossible.
    /// </summary>
    public async Task WriteFallbackAsync(HttpContext context)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        try
        {
            Reset(context.Response, StatusCodes.Status500InternalServerError);
            await WriteAsync(context, ProblemJsonContentType, _fallbackBody).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Last resort: the connection is all that is left to act on.
            context.Abort();
        }
    }

    // One write with a known Content-Length: Kestrel sends the body unchunked.
    private static ValueTask WriteAsync(HttpContext context, string contentType, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static byte[] RenderFallbackBody(string genericDetail)
    {
        var (type, title) = ProblemTypeDefaults.For(StatusCodes.Status500InternalServerError);
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(JsonNames.Type, type);
            writer.WriteString(JsonNames.Title, title);
            writer.WriteNumber(JsonNames.Status, StatusCodes.Status500InternalServerError);
            writer.WriteString(JsonNames.Detail, genericDetail);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory.ToArray();
    }
}
