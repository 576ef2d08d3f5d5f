using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The stages of one failure, in order, each run once: classification (<see cref="ExceptionClassifier"/>), the
/// app's exception handlers, the problem (<see cref="ProblemDetailsBuilder"/>), rendering the response
/// (<see cref="ErrorResponseWriter"/>), reporting it with the status it is sent with (<see cref="FailureReporter"/>),
/// sending it, and the minimal 500 when the handler itself fails. The stages are composed by
/// <see cref="FailureHandlerServices"/>; this type only runs them in order.
/// </summary>
internal sealed class FailureHandler
{
    private readonly Func<HttpContext, Exception, bool>? _passThrough;
    private readonly bool _reportHandledExceptions;
    private readonly ExceptionClassifier _classifier;
    private readonly ExceptionHandlerRunner _exceptionHandlers;
    private readonly ProblemDetailsBuilder _problems;
    private readonly FailureReporter _reporter;
    private readonly ErrorResponseWriter _responses;

    public FailureHandler(
        GlobalErrorHandlerOptions options,
        ExceptionClassifier classifier,
        ExceptionHandlerRunner exceptionHandlers,
        ProblemDetailsBuilder problems,
        FailureReporter reporter,
        ErrorResponseWriter responses)
    {
        _passThrough = options.PassThrough;
        _reportHandledExceptions = options.LogExceptionsHandledByExceptionHandlers;
        _classifier = classifier;
        _exceptionHandlers = exceptionHandlers;
        _problems = problems;
        _reporter = reporter;
        _responses = responses;
    }

    /// <summary>Handles an exception the rest of the pipeline threw. Rethrows only what <see cref="GlobalErrorHandlerOptions.PassThrough"/> chooses.</summary>
    public Task HandleExceptionAsync(HttpContext context, Exception exception)
    {
        var traceId = ProblemDetailsBuilder.TraceIdFor(context);
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

        var response = context.Response;
        if (ExceptionClassifier.IsClientAbort(context, exception))
        {
            if (!response.HasStarted)
            {
                response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }

            _reporter.ReportRequestFailure(context, exception, response.StatusCode, LogLevel.Debug, traceId, FailureOutcome.Aborted);
            return Task.CompletedTask;
        }

        if (response.HasStarted)
        {
            // Nothing can be written any more; aborting makes the client see an incomplete response instead of
            // a truncated one that looks complete. Rethrowing would only make the server log it a second time.
            _reporter.ReportRequestFailure(context, exception, response.StatusCode, LogLevel.Error, traceId, FailureOutcome.ResponseStarted);
            context.Abort();
            return Task.CompletedTask;
        }

        return RespondAsync(context, exception, traceId);
    }

    private async Task RespondAsync(HttpContext context, Exception exception, string traceId)
    {
        ExceptionClassification classification;
        RenderedErrorResponse rendered;
        try
        {
            classification = _classifier.Classify(context, exception);
            if (await _exceptionHandlers.TryHandleAsync(context, exception, classification.StatusCode).ConfigureAwait(false))
            {
                if (_reportHandledExceptions)
                {
                    _reporter.ReportRequestFailure(context, exception, context.Response.StatusCode, classification.LogLevel, traceId, FailureOutcome.Handled);
                }

                return;
            }

            var problem = _problems.ForException(context, exception, classification, traceId, out var language);
            var statusCode = problem.Status ?? classification.StatusCode;
            _responses.Reset(context.Response, statusCode);

            // Rendered before it is reported: a body that cannot be rendered is answered with the minimal 500, and
            // the event must carry the status the client gets.
            rendered = await _responses.RenderAsync(context, problem, statusCode, exception, language).ConfigureAwait(false);
        }
        catch (Exception handlerException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await FailAsync(context, exception, handlerException, traceId).ConfigureAwait(false);
            return;
        }
        catch (Exception)
        {
            // The client went away while an exception handler or a callback ran: nobody is left to answer, and
            // nothing may escape to the server.
            _reporter.ReportRequestFailure(context, exception, context.Response.StatusCode, LogLevel.Debug, traceId, FailureOutcome.Aborted);
            return;
        }

        using (rendered)
        {
            _reporter.ReportRequestFailure(
                context, exception, rendered.StatusCode, classification.LogLevel, traceId, FailureOutcome.Handled, classification.Mapping?.Code);
            await SendAsync(context, rendered, followsExceptionEvent: true, traceId).ConfigureAwait(false);
        }
    }

    /// <summary>Gives an error response that ended without a body the problem body of its status.</summary>
    public async Task RespondToEmptyResponseAsync(HttpContext context)
    {
        var traceId = ProblemDetailsBuilder.TraceIdFor(context);
        var response = context.Response;
        var statusCode = response.StatusCode;
        RenderedErrorResponse rendered;
        try
        {
            var problem = _problems.ForStatus(context, statusCode, traceId, out var language);
            rendered = await _responses.RenderAsync(context, problem, statusCode, exception: null, language).ConfigureAwait(false);
        }
        catch (Exception handlerException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // There is no exception event to follow here; the response stays as the app left it (the app's writer
            // may have changed its status).
            response.StatusCode = statusCode;
            _reporter.ReportHandlerFailure(context, handlerException, statusCode, traceId);
            return;
        }
        catch (Exception)
        {
            // The client went away while the app's writer ran: nobody is left to answer.
            return;
        }

        using (rendered)
        {
            await SendAsync(context, rendered, followsExceptionEvent: false, traceId).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(HttpContext context, RenderedErrorResponse rendered, bool followsExceptionEvent, string traceId)
    {
        try
        {
            await ErrorResponseWriter.SendAsync(context, rendered).ConfigureAwait(false);
        }
        catch (Exception handlerException) when (!context.RequestAborted.IsCancellationRequested)
        {
            var response = context.Response;
            if (!followsExceptionEvent)
            {
                // An empty error response had no exception event to follow: it stays as the app left it.
                _reporter.ReportHandlerFailure(context, handlerException, response.StatusCode, traceId);
                if (response.HasStarted)
                {
                    context.Abort();
                }

                return;
            }

            await FallBackAsync(context, handlerException, traceId).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The client went away while the error response was being sent: nobody is left to answer, and
            // the failure itself has been reported.
        }
    }

    private Task FailAsync(HttpContext context, Exception exception, Exception handlerException, string traceId)
    {
        _reporter.ReportRequestFailure(context, exception, StatusCodes.Status500InternalServerError, LogLevel.Error, traceId, FailureOutcome.Handled);
        return FallBackAsync(context, handlerException, traceId);
    }

    /// <summary>Reports the handler's own failure (EventId 3) and sends the minimal generic 500 if it still can.</summary>
    private Task FallBackAsync(HttpContext context, Exception handlerException, string traceId)
    {
        var response = context.Response;
        _reporter.ReportHandlerFailure(context, handlerException, response.HasStarted ? response.StatusCode : StatusCodes.Status500InternalServerError, traceId);
        return _responses.WriteFallbackAsync(context);
    }
}
