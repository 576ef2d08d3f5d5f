using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Writes the error response of a failure: resets the failed response (keeping
/// <see cref="GlobalErrorHandlerOptions.PreservedResponseHeaders"/>), renders the problem with the app's
/// <see cref="GlobalErrorHandlerOptions.ResponseWriter"/>, as the HTML page for a browser, with the app's own
/// <see cref="IProblemDetailsWriter"/> for a client that prefers what it writes (<see cref="AppProblemDetailsWriters"/>),
/// or as <c>application/problem+json</c>, then sends it; and the minimal generic 500 when rendering or sending failed.
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
    /// Renders the problem without sending anything: what the app's writer writes (with the response's status set
    /// to the problem's, as the writer expects), the HTML page when the request prefers <c>text/html</c>, the app's
    /// problem details writer for another media type the request prefers over JSON, or
    /// <c>application/problem+json</c>. Throws when rendering fails or the app's writer leaves a status no problem
    /// can be sent with; nothing has reached the client then. A <paramref name="language"/> (the culture the problem's
    /// texts were translated into) becomes the <c>Content-Language</c> header and the HTML page's <c>lang</c>.
    /// </summary>
    public async ValueTask<RenderedErrorResponse> RenderAsync(
        HttpContext context, ProblemDetails problem, int statusCode, Exception? exception, CultureInfo? language = null)
    {
        statusCode = problem.Status ?? statusCode;
        if (language is not null)
        {
            context.Response.Headers.ContentLanguage = language.Name;
        }

        if (_responseWriter is not null)
        {
            return await RenderBufferedAsync(
                context, _responseWriter, new ErrorResponseContext(context, exception, problem, _includeDetails), statusCode, "The app's GlobalErrorHandlerOptions.ResponseWriter")
                .ConfigureAwait(false);
        }

        if (_htmlErrorPages && ErrorPageNegotiator.PrefersHtml(context.Request.Headers.Accept))
        {
            return HtmlErrorPageResponse.Render(context, problem, statusCode, _includeDetails ? exception : null, _serializerOptions, language?.Name);
        }

        if (_appWriters.Find(context, problem, _includeDetails ? exception : null) is { } appWriter)
        {
            return await RenderBufferedAsync(context, static w => w.Writer.WriteAsync(w.Context).AsTask(), appWriter, statusCode, "The app's IProblemDetailsWriter")
                .ConfigureAwait(false);
        }

        var details = _includeDetails ? new DevelopmentDetails(_requestEcho, context.Request, exception) : (DevelopmentDetails?)null;
        var body = ProblemJsonWriter.Render(problem, statusCode, details, _serializerOptions);
        return new RenderedErrorResponse(statusCode, ProblemJsonContentType, body.WrittenMemory, body);
    }

    /// <summary>Sends a rendered error response: its status, its <c>Content-Type</c> and its body, in one write.</summary>
    public static ValueTask SendAsync(HttpContext context, RenderedErrorResponse rendered)
    {
        context.Response.StatusCode = rendered.StatusCode;
        return WriteAsync(context, rendered.ContentType, rendered.Body);
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

    // What an app's writer writes is buffered, so that its status is known — and checked, and reported — before
    // anything reaches the client, and so that a writer that fails half-way still leaves room for the minimal 500.
    private static async ValueTask<RenderedErrorResponse> RenderBufferedAsync<TState>(
        HttpContext context, Func<TState, Task> write, TState state, int statusCode, string writer)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        var features = context.Features;
        var serverBody = features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var buffer = new MemoryStream();
        try
        {
            var capture = new StreamResponseBodyFeature(buffer, serverBody);
            features.Set<IHttpResponseBodyFeature>(capture);
            try
            {
                await write(state).ConfigureAwait(false);
                await capture.CompleteAsync().ConfigureAwait(false);
            }
            finally
            {
                features.Set(serverBody);
                capture.Dispose();
            }

            var sentStatus = ProblemStatus.Checked(response.StatusCode, writer);
            return new RenderedErrorResponse(sentStatus, contentType: null, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), buffer);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    // One write with a known Content-Length: Kestrel sends the body unchunked.
    private static ValueTask WriteAsync(HttpContext context, string? contentType, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        if (contentType is not null)
        {
            response.ContentType = contentType;
        }

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
