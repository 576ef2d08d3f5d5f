using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Catches every exception thrown downstream, logs it once with its request context and writes a
/// problem details response in its place.
/// </summary>
internal sealed class GlobalErrorHandlerMiddleware
{
    /// <summary>The status sent when the client went away before the response was written.</summary>
    public const int ClientClosedRequestStatusCode = 499;

    private const string ProblemJsonContentType = "application/problem+json";

    private readonly RequestDelegate _next;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly bool _includeDetails;
    private readonly string _genericDetail;
    private readonly NamePatternSet _preservedHeaders;
    private readonly QueryStringRedactor _queryRedactor;
    private readonly byte[] _fallbackBody;
    private readonly ErrorStormFilter? _errorStorm;

    public GlobalErrorHandlerMiddleware(
        RequestDelegate next,
        GlobalErrorHandlerOptions options,
        IHostEnvironment environment,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider)
    {
        _next = next;
        _logger = loggerFactory.CreateLogger(Log.CategoryName);
        _timeProvider = timeProvider;
        _includeDetails = options.ExceptionDetails switch
        {
            ExceptionDetailsPolicy.Always => true,
            ExceptionDetailsPolicy.Never => false,
            _ => environment.IsDevelopment(),
        };
        _genericDetail = options.GenericDetail;
        _preservedHeaders = new NamePatternSet(options.PreservedResponseHeaders);
        _queryRedactor = new QueryStringRedactor(new NamePatternSet(options.RedactedQueryParameters));
        _fallbackBody = RenderFallbackBody(_genericDetail);
        _errorStorm = options.ErrorStormWindow is { } window ? new ErrorStormFilter(window, timeProvider) : null;
    }

    public Task InvokeAsync(HttpContext context)
    {
        Task task;
        try
        {
            task = _next(context);
        }
        catch (Exception exception)
        {
            return HandleExceptionAsync(context, exception);
        }

        return task.IsCompletedSuccessfully ? Task.CompletedTask : AwaitAndHandleAsync(context, task);
    }

    private async Task AwaitAndHandleAsync(HttpContext context, Task task)
    {
        Exception exception;
        try
        {
            await task.ConfigureAwait(false);
            return;
        }
        catch (Exception caught)
        {
            exception = caught;
        }

        // Handled outside the catch block so the response is written without holding the
        // exception's unwinding state, and so a failure in the handler is not nested in it.
        await HandleExceptionAsync(context, exception).ConfigureAwait(false);
    }

    private Task HandleExceptionAsync(HttpContext context, Exception exception)
    {
        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;

        if (IsClientAbort(context, exception))
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequestStatusCode;
            }

            LogRequestAborted(context, exception, traceId);
            return Task.CompletedTask;
        }

        if (context.Response.HasStarted)
        {
            LogResponseStarted(context, exception, traceId);

            // Nothing can be written any more; aborting makes the client see an incomplete response
            // instead of a truncated one that looks complete. Rethrowing would only make the server
            // log the same failure a second time.
            context.Abort();
            return Task.CompletedTask;
        }

        return WriteErrorResponseAsync(context, exception, traceId);
    }

    private async Task WriteErrorResponseAsync(HttpContext context, Exception exception, string traceId)
    {
        var (statusCode, level) = Classify(exception);
        LogUnhandledException(context, exception, statusCode, level, traceId);

        try
        {
            using var body = RenderProblem(context, exception, statusCode, traceId);
            var response = context.Response;
            ResetResponse(response, statusCode);
            response.ContentType = ProblemJsonContentType;
            response.ContentLength = body.WrittenCount;
            await response.BodyWriter.WriteAsync(body.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception handlerException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await WriteFallbackResponseAsync(context, handlerException, traceId).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The client went away while the error response was being written: nobody is left to
            // answer, and the failure itself has been logged.
        }
    }

    private static (int StatusCode, LogLevel Level) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException badRequest => (badRequest.StatusCode, LogLevel.Information),
        _ => (StatusCodes.Status500InternalServerError, LogLevel.Error),
    };

    private PooledBufferWriter RenderProblem(HttpContext context, Exception exception, int statusCode, string traceId)
    {
        var (type, title) = ProblemTypeDefaults.For(statusCode);
        var detail = _includeDetails
            ? exception.Message
            : statusCode >= 500 ? _genericDetail : null;
        var request = context.Request;
        var instance = (request.PathBase + request.Path).ToString();

        var buffer = new PooledBufferWriter();
        try
        {
            using var writer = new Utf8JsonWriter(buffer);
            ProblemJsonWriter.Write(writer, statusCode, type, title, detail, instance, traceId, _includeDetails ? exception : null);
            writer.Flush();
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private void ResetResponse(HttpResponse response, int statusCode)
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

    private async Task WriteFallbackResponseAsync(HttpContext context, Exception handlerException, string traceId)
    {
        try
        {
            if (_logger.IsEnabled(LogLevel.Error))
            {
                var request = context.Request;
                var method = LogValueEscaper.Escape(request.Method);
                var path = LogValueEscaper.Escape((request.PathBase + request.Path).ToString());
                var exceptionType = TypeName(handlerException);
                Log.ErrorHandlerFailed(_logger, handlerException, method, path, traceId, exceptionType);
            }
        }
        catch (Exception)
        {
            // A failing log provider must not cost the client its response.
        }

        var response = context.Response;
        if (response.HasStarted)
        {
            context.Abort();
            return;
        }

        try
        {
            ResetResponse(response, StatusCodes.Status500InternalServerError);
            response.ContentType = ProblemJsonContentType;
            response.ContentLength = _fallbackBody.Length;
            await response.BodyWriter.WriteAsync(_fallbackBody, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Last resort: the connection is all that is left to act on.
            context.Abort();
        }
    }

    private void LogUnhandledException(HttpContext context, Exception exception, int statusCode, LogLevel level, string traceId)
    {
        try
        {
            if (!_logger.IsEnabled(level))
            {
                return;
            }

            var values = RequestLogValues.Create(context, _queryRedactor, _timeProvider);
            var exceptionType = TypeName(exception);
            if (_errorStorm is not null)
            {
                var occurrence = _errorStorm.Observe(exception);
                Log.UnhandledExceptionInStorm(
                    _logger, level, occurrence.AttachesException ? exception : null, values.RequestMethod, values.RequestPath,
                    values.QueryString, statusCode, traceId, values.Timestamp, exceptionType, occurrence.Fingerprint, occurrence.Count);
                return;
            }

            Log.UnhandledException(
                _logger, level, exception, values.RequestMethod, values.RequestPath, values.QueryString,
                statusCode, traceId, values.Timestamp, exceptionType);
        }
        catch (Exception)
        {
            // A failing log provider must not cost the client its response.
        }
    }

    private void LogResponseStarted(HttpContext context, Exception exception, string traceId)
    {
        try
        {
            if (!_logger.IsEnabled(LogLevel.Error))
            {
                return;
            }

            var values = RequestLogValues.Create(context, _queryRedactor, _timeProvider);
            var exceptionType = TypeName(exception);
            Log.ResponseStarted(
                _logger, exception, values.RequestMethod, values.RequestPath, values.QueryString,
                context.Response.StatusCode, traceId, values.Timestamp, exceptionType);
        }
        catch (Exception)
        {
            // A failing log provider must not turn a logged failure into a crashed request.
        }
    }

    private void LogRequestAborted(HttpContext context, Exception exception, string traceId)
    {
        try
        {
            if (!_logger.IsEnabled(LogLevel.Debug))
            {
                return;
            }

            var values = RequestLogValues.Create(context, _queryRedactor, _timeProvider);
            var exceptionType = TypeName(exception);
            Log.RequestAborted(
                _logger, exception, values.RequestMethod, values.RequestPath, values.QueryString,
                context.Response.StatusCode, traceId, values.Timestamp, exceptionType);
        }
        catch (Exception)
        {
            // A failing log provider must not turn a logged failure into a crashed request.
        }
    }

    private static bool IsClientAbort(HttpContext context, Exception exception) =>
        exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested;

    private static string TypeName(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;

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
