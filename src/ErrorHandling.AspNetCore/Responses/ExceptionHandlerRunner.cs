using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Gives the app's <see cref="IExceptionHandler"/> services (<c>AddExceptionHandler&lt;T&gt;()</c>) the first
/// chance at an exception, as the framework's exception handler does: with <see cref="IExceptionHandlerFeature"/>
/// set and the response reset to the classified status, in registration order, until one handles it.
/// </summary>
internal sealed class ExceptionHandlerRunner(IEnumerable<IExceptionHandler> handlers, ErrorResponseWriter responses)
{
    private readonly IExceptionHandler[] _handlers = [.. handlers];

    /// <summary>Whether one of the app's handlers wrote the response.</summary>
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, int statusCode)
    {
        if (_handlers.Length == 0)
        {
            return false;
        }

        responses.Reset(context.Response, statusCode);
        var feature = new ExceptionHandlerFeature
        {
            Error = exception,
            Path = context.Request.Path,
            Endpoint = context.GetEndpoint(),
            RouteValues = context.Request.RouteValues,
        };
        context.Features.Set<IExceptionHandlerFeature>(feature);
        context.Features.Set<IExceptionHandlerPathFeature>(feature);

        foreach (var handler in _handlers)
        {
            if (await handler.TryHandleAsync(context, exception, context.RequestAborted).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }
}
