using ErrorHandling.AspNetCore;

namespace ErrorHandling.AspNetCore.Serilog;

/// <summary>
/// Keeps the failure of a request on its <c>HttpContext.Features</c>, for the request logging middleware to
/// read when it writes the completion event.
/// </summary>
internal sealed class RequestFailureFeature(RequestFailure failure)
{
    public RequestFailure Failure { get; } = failure;
}
