using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Catches every exception thrown downstream and hands it, outside the <c>catch</c>, to the
/// <see cref="FailureHandler"/>. A request that does not fail costs a completed-task check.
/// </summary>
internal sealed class GlobalErrorHandlerMiddleware
{
    private readonly RequestDelegate _next;
    private readonly FailureHandler _failures;
    private readonly bool _writeProblemForEmptyResponses;

    private GlobalErrorHandlerMiddleware(RequestDelegate next, FailureHandler failures, bool writeProblemForEmptyResponses)
    {
        _next = next;
        _failures = failures;
        _writeProblemForEmptyResponses = writeProblemForEmptyResponses;
    }

    /// <summary>Creates the middleware in front of <paramref name="next"/> from the app's services.</summary>
    public static GlobalErrorHandlerMiddleware Create(RequestDelegate next, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<GlobalErrorHandlerOptions>>().Value;
        return new(next, services.GetRequiredService<FailureHandler>(), options.WriteProblemDetailsForEmptyResponses);
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
            return _failures.HandleExceptionAsync(context, exception);
        }

        if (!task.IsCompletedSuccessfully)
        {
            return AwaitAndHandleAsync(context, task);
        }

        return _writeProblemForEmptyResponses && IsEmptyErrorResponse(context.Response)
            ? _failures.RespondToEmptyResponseAsync(context)
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
            await _failures.HandleExceptionAsync(context, exception).ConfigureAwait(false);
        }
        else if (_writeProblemForEmptyResponses && IsEmptyErrorResponse(context.Response))
        {
            await _failures.RespondToEmptyResponseAsync(context).ConfigureAwait(false);
        }
    }

    private static bool IsEmptyErrorResponse(HttpResponse response) =>
        response.StatusCode is >= 400 and < 600
        && !response.HasStarted
        && response.ContentLength is null or 0
        && string.IsNullOrEmpty(response.ContentType);
}
