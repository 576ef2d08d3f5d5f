using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
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
    private const string TraceIdExtension = "traceId";

    private readonly RequestDelegate _next;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly bool _includeDetails;
    private readonly string _genericDetail;
    private readonly NamePatternSet _preservedHeaders;
    private readonly QueryStringRedactor _queryRedactor;
    private readonly RequestEcho _requestEcho;
    private readonly ExceptionStatusMap _statusMap;
    private readonly IExceptionHandler[] _exceptionHandlers;
    private readonly bool _logHandledExceptions;
    private readonly Action<ProblemDetailsContext>? _frameworkCustomization;
    private readonly Action<ProblemDetailsContext>? _customization;
    private readonly Func<ErrorResponseContext, Task>? _responseWriter;
    private readonly Func<HttpContext, Exception, bool>? _passThrough;
    private readonly bool _writeProblemForEmptyResponses;
    private readonly bool _htmlErrorPages;
    private readonly bool _needsProblemDetailsObject;
    private readonly JsonSerializerOptions _serializerOptions;
    private readonly byte[] _fallbackBody;
    private readonly EncodedProblemMembers _internalServerError;
    private readonly FailureReporter _failures;
    private readonly FailureLog _log;

    public GlobalErrorHandlerMiddleware(
        RequestDelegate next,
        GlobalErrorHandlerOptions options,
        IHostEnvironment environment,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider,
        IEnumerable<IExceptionHandler> exceptionHandlers,
        ProblemDetailsOptions frameworkProblemDetailsOptions,
        JsonSerializerOptions serializerOptions,
        ErrorHandlerMetrics metrics,
        IEnumerable<IRequestFailureObserver> failureObservers)
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
        _requestEcho = new RequestEcho(_queryRedactor, new NamePatternSet(options.RedactedHeaders));
        _statusMap = new ExceptionStatusMap(options);
        _exceptionHandlers = [.. exceptionHandlers];
        _logHandledExceptions = options.LogExceptionsHandledByExceptionHandlers;
        _frameworkCustomization = frameworkProblemDetailsOptions.CustomizeProblemDetails;
        _customization = options.CustomizeProblemDetails;
        _responseWriter = options.ResponseWriter;
        _passThrough = options.PassThrough;
        _writeProblemForEmptyResponses = options.WriteProblemDetailsForEmptyResponses;
        _htmlErrorPages = options.HtmlErrorPages;
        _needsProblemDetailsObject = _frameworkCustomization is not null || _customization is not null || _responseWriter is not null;
        _serializerOptions = serializerOptions;
        _fallbackBody = RenderFallbackBody(_genericDetail);
        var (type, title) = ProblemTypeDefaults.For(StatusCodes.Status500InternalServerError);
        _internalServerError = new EncodedProblemMembers(StatusCodes.Status500InternalServerError, type, title, _genericDetail);
        _failures = new FailureReporter(metrics, failureObservers);
        _log = new FailureLog(_logger, options, _requestEcho, timeProvider);
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

        if (!task.IsCompletedSuccessfully)
        {
            return AwaitAndHandleAsync(context, task);
        }

        return _writeProblemForEmptyResponses && IsEmptyErrorResponse(context.Response)
            ? WriteEmptyResponseProblemAsync(context)
            : Task.CompletedTask;
    }

    private async Task AwaitAndHandleAsync(HttpContext context, Task task)
    {
        Exception? exception = null;
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception caught)
        {
            exception = caught;
        }

        // Handled outside the catch block so that a failure of the handler is not nested in it.
        if (exception is not null)
        {
            await HandleExceptionAsync(context, exception).ConfigureAwait(false);
        }
        else if (_writeProblemForEmptyResponses && IsEmptyErrorResponse(context.Response))
        {
            await WriteEmptyResponseProblemAsync(context).ConfigureAwait(false);
        }
    }

    private Task HandleExceptionAsync(HttpContext context, Exception exception)
    {
        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;

        if (_passThrough is not null)
        {
            bool passThrough;
            try
            {
                passThrough = _passThrough(context, exception);
            }
            catch (Exception handlerException)
            {
                return FailAsync(context, exception, handlerException, traceId);
            }

            if (passThrough)
            {
                // Rethrown as it was: the outer middleware that owns this exception sees its original stack.
                ExceptionDispatchInfo.Throw(exception);
            }
        }

        if (IsClientAbort(context, exception))
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequestStatusCode;
            }

            ReportFailure(context, exception, context.Response.StatusCode, LogLevel.Debug, traceId, FailureOutcome.Aborted);
            return Task.CompletedTask;
        }

        if (context.Response.HasStarted)
        {
            ReportFailure(context, exception, context.Response.StatusCode, LogLevel.Error, traceId, FailureOutcome.ResponseStarted);

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
        var response = context.Response;
        ExceptionClassification classification;
        ProblemDetails? problem = null;
        try
        {
            classification = _statusMap.Classify(exception);
            if (_exceptionHandlers.Length != 0
                && await TryExceptionHandlersAsync(context, exception, classification, traceId).ConfigureAwait(false))
            {
                return;
            }

            if (_needsProblemDetailsObject)
            {
                problem = CreateProblemDetails(context, classification, traceId);
                Customize(context, exception, problem);
            }
        }
        catch (Exception handlerException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await FailAsync(context, exception, handlerException, traceId).ConfigureAwait(false);
            return;
        }
        catch (Exception)
        {
            // The client went away while an exception handler or a callback ran: nobody is left to
            // answer, and nothing may escape to the server.
            ReportFailure(context, exception, context.Response.StatusCode, LogLevel.Debug, traceId, FailureOutcome.Aborted);
            return;
        }

        var statusCode = problem?.Status ?? classification.StatusCode;
        ReportFailure(context, exception, statusCode, classification.LogLevel, traceId, FailureOutcome.Handled);

        try
        {
            ResetResponse(response, statusCode);
            if (_responseWriter is not null)
            {
                await _responseWriter(new ErrorResponseContext(context, exception, problem!, _includeDetails)).ConfigureAwait(false);
                return;
            }

            if (PrefersHtml(context))
            {
                using var page = problem is null
                    ? RenderPage(classification, traceId, exception)
                    : HtmlErrorPageWriter.Render(problem, statusCode, _includeDetails ? exception : null);
                await WriteHtmlPageAsync(context, page).ConfigureAwait(false);
                return;
            }

            using var body = problem is null
                ? RenderProblem(context, classification, traceId, exception)
                : RenderProblem(problem, statusCode, Details(context, exception));
            await WriteBodyAsync(context, body).ConfigureAwait(false);
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

    private async Task<bool> TryExceptionHandlersAsync(HttpContext context, Exception exception, ExceptionClassification classification, string traceId)
    {
        ResetResponse(context.Response, classification.StatusCode);
        var feature = new ExceptionHandlerFeature
        {
            Error = exception,
            Path = context.Request.Path,
            Endpoint = context.GetEndpoint(),
            RouteValues = context.Request.RouteValues,
        };
        context.Features.Set<IExceptionHandlerFeature>(feature);
        context.Features.Set<IExceptionHandlerPathFeature>(feature);

        foreach (var handler in _exceptionHandlers)
        {
            if (await handler.TryHandleAsync(context, exception, context.RequestAborted).ConfigureAwait(false))
            {
                if (_logHandledExceptions)
                {
                    ReportFailure(context, exception, context.Response.StatusCode, classification.LogLevel, traceId, FailureOutcome.Handled);
                }

                return true;
            }
        }

        return false;
    }

    private async Task WriteEmptyResponseProblemAsync(HttpContext context)
    {
        var response = context.Response;
        var statusCode = response.StatusCode;
        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
        try
        {
            // Opt-in and rare, so one path through a ProblemDetails serves every hook and body kind.
            var (type, title) = ProblemTypeDefaults.For(statusCode);
            var detail = statusCode >= 500 ? _genericDetail : null;
            var problem = new ProblemDetails { Status = statusCode, Type = type, Title = title, Detail = detail, Instance = Instance(context) };
            problem.Extensions[TraceIdExtension] = traceId;
            Customize(context, null, problem);
            response.StatusCode = problem.Status ?? statusCode;
            if (_responseWriter is not null)
            {
                await _responseWriter(new ErrorResponseContext(context, null, problem, _includeDetails)).ConfigureAwait(false);
                return;
            }

            if (PrefersHtml(context))
            {
                using var page = HtmlErrorPageWriter.Render(problem, statusCode, exceptionDetails: null);
                await WriteHtmlPageAsync(context, page).ConfigureAwait(false);
                return;
            }

            using var body = RenderProblem(problem, statusCode, Details(context, null));
            await WriteBodyAsync(context, body).ConfigureAwait(false);
        }
        catch (Exception handlerException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // There is no exception event to follow here; the response stays as the app left it.
            ReportHandlerFailure(context, handlerException, response.StatusCode, traceId);
            if (response.HasStarted)
            {
                context.Abort();
            }
        }
        catch (Exception)
        {
            // The client went away: nobody is left to answer.
        }
    }

    private ProblemDetails CreateProblemDetails(HttpContext context, ExceptionClassification classification, string traceId)
    {
        var statusCode = classification.StatusCode;
        var (type, title) = ProblemTypeDefaults.For(statusCode);
        var problem = new ProblemDetails
        {
            Status = statusCode,
            Type = type,
            Title = classification.Mapping?.Title ?? title,
            Detail = Detail(classification),
            Instance = Instance(context),
        };
        problem.Extensions[TraceIdExtension] = traceId;
        return problem;
    }

    private void Customize(HttpContext context, Exception? exception, ProblemDetails problem)
    {
        if (_frameworkCustomization is null && _customization is null)
        {
            return;
        }

        var problemContext = new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception };
        _frameworkCustomization?.Invoke(problemContext);
        _customization?.Invoke(problemContext);
    }

    private string? Detail(ExceptionClassification classification)
    {
        if (_includeDetails || classification.Mapping is { ExposeMessage: true })
        {
            return SafeExceptionText.Message(classification.MatchedException);
        }

        return classification.Mapping?.Detail
            ?? (classification.StatusCode >= 500 ? _genericDetail : null);
    }

    private PooledBufferWriter RenderProblem(HttpContext context, ExceptionClassification classification, string traceId, Exception exception)
    {
        var statusCode = classification.StatusCode;
        if (classification.Mapping is null && statusCode == StatusCodes.Status500InternalServerError && !_includeDetails)
        {
            // The most common failure: nothing about its body but the path and the trace id varies.
            return Render((members: _internalServerError, instance: Instance(context), traceId), static (writer, state) =>
                ProblemJsonWriter.Write(writer, state.members, state.instance, state.traceId, details: null));
        }

        var (type, title) = ProblemTypeDefaults.For(statusCode);
        return RenderProblem(
            statusCode,
            type,
            classification.Mapping?.Title ?? title,
            Detail(classification),
            Instance(context),
            traceId,
            Details(context, exception));
    }

    private DevelopmentDetails? Details(HttpContext context, Exception? exception) =>
        _includeDetails ? new DevelopmentDetails(_requestEcho, context.Request, exception) : null;

    private static PooledBufferWriter RenderProblem(
        int statusCode, string? type, string? title, string? detail, string instance, string traceId, DevelopmentDetails? details) =>
        Render((statusCode, type, title, detail, instance, traceId, details), static (writer, state) =>
            ProblemJsonWriter.Write(writer, state.statusCode, state.type, state.title, state.detail, state.instance, state.traceId, state.details));

    private PooledBufferWriter RenderProblem(ProblemDetails problem, int statusCode, DevelopmentDetails? details) =>
        Render((problem, statusCode, details, _serializerOptions), static (writer, state) =>
            ProblemJsonWriter.Write(writer, state.problem, state.statusCode, state.details, state._serializerOptions));

    private static PooledBufferWriter Render<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new PooledBufferWriter();
        var writer = Utf8JsonWriterCache.Rent(buffer);
        try
        {
            write(writer, state);
            writer.Flush();
            Utf8JsonWriterCache.Return(writer);
            return buffer;
        }
        catch
        {
            // A writer left half-way through an object is not put back.
            buffer.Dispose();
            throw;
        }
    }

    private bool PrefersHtml(HttpContext context) =>
        _htmlErrorPages && ErrorPageNegotiator.PrefersHtml(context.Request.Headers.Accept);

    private PooledBufferWriter RenderPage(ExceptionClassification classification, string traceId, Exception exception) =>
        HtmlErrorPageWriter.Render(
            classification.StatusCode,
            classification.Mapping?.Title ?? ProblemTypeDefaults.For(classification.StatusCode).Title,
            Detail(classification),
            traceId,
            _includeDetails ? exception : null);

    private static ValueTask WriteHtmlPageAsync(HttpContext context, PooledBufferWriter page)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = HtmlErrorPageWriter.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        return WriteAsync(context, HtmlErrorPageWriter.ContentType, page.WrittenMemory);
    }

    private static ValueTask WriteBodyAsync(HttpContext context, PooledBufferWriter body) =>
        WriteAsync(context, ProblemJsonContentType, body.WrittenMemory);

    // One write with a known Content-Length: Kestrel sends the body unchunked.
    private static ValueTask WriteAsync(HttpContext context, string contentType, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted);
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

    private async Task FailAsync(HttpContext context, Exception exception, Exception handlerException, string traceId)
    {
        ReportFailure(context, exception, StatusCodes.Status500InternalServerError, LogLevel.Error, traceId, FailureOutcome.Handled);
        await WriteFallbackResponseAsync(context, handlerException, traceId).ConfigureAwait(false);
    }

    private async Task WriteFallbackResponseAsync(HttpContext context, Exception handlerException, string traceId)
    {
        var response = context.Response;
        ReportHandlerFailure(
            context, handlerException, response.HasStarted ? response.StatusCode : StatusCodes.Status500InternalServerError, traceId);
        if (response.HasStarted)
        {
            context.Abort();
            return;
        }

        try
        {
            ResetResponse(response, StatusCodes.Status500InternalServerError);
            await WriteAsync(context, ProblemJsonContentType, _fallbackBody).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Last resort: the connection is all that is left to act on.
            context.Abort();
        }
    }

    /// <summary>
    /// Reports a failure of the request (EventIds 1, 2 and 4): the log event, then traces, metrics and
    /// observers, from one <see cref="RequestFailure"/> built only when a log event or an observer needs it.
    /// </summary>
    private void ReportFailure(HttpContext context, Exception exception, int statusCode, LogLevel level, string traceId, FailureOutcome outcome)
    {
        var exceptionType = TypeName(exception);
        RequestFailure? failure = null;
        var log = _log.IsEnabled(level);
        if (log || _failures.HasObservers)
        {
            failure = new RequestFailure(context, exception, outcome, level, statusCode, traceId, exceptionType, _queryRedactor, _timeProvider);
            if (log)
            {
                _log.Write(failure);
            }
        }

        _failures.Report(context, exception, exceptionType, statusCode, outcome, failure);
    }

    /// <summary>
    /// Reports a failure of the handler itself (EventId 3): always logged, counted as
    /// <c>handler_failed</c>, never given to observers.
    /// </summary>
    private void ReportHandlerFailure(HttpContext context, Exception handlerException, int statusCode, string traceId)
    {
        var exceptionType = TypeName(handlerException);
        try
        {
            if (_logger.IsEnabled(LogLevel.Error))
            {
                var method = LogValueEscaper.Escape(context.Request.Method);
                var path = LogValueEscaper.Escape(Instance(context));
                Log.ErrorHandlerFailed(_logger, handlerException, method, path, traceId, exceptionType);
            }
        }
        catch (Exception)
        {
            // A failing log provider must not cost the client its response.
        }

        _failures.Report(context, handlerException, exceptionType, statusCode, FailureOutcome.HandlerFailed, failure: null);
    }

    private static bool IsClientAbort(HttpContext context, Exception exception) =>
        exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested;

    private static bool IsEmptyErrorResponse(HttpResponse response) =>
        response.StatusCode is >= 400 and < 600
        && !response.HasStarted
        && response.ContentLength is null or 0
        && string.IsNullOrEmpty(response.ContentType);

    private static string Instance(HttpContext context) => (context.Request.PathBase + context.Request.Path).ToString();

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
