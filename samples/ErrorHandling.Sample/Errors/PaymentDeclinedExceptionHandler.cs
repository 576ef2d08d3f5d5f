using Microsoft.AspNetCore.Diagnostics;

namespace ErrorHandling.Sample.Errors;

/// <summary>
/// A framework <see cref="IExceptionHandler"/>: the global error handler runs it first, and writes
/// nothing of its own when it handles the exception.
/// </summary>
internal sealed class PaymentDeclinedExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not PaymentDeclinedException declined)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status402PaymentRequired;
        await httpContext.Response.WriteAsJsonAsync(
            new PaymentDeclinedResponse(declined.Reason, "Try another card."),
            SampleJsonContext.Default.PaymentDeclinedResponse,
            cancellationToken: cancellationToken);
        return true;
    }
}
