namespace ErrorHandling.AspNetCore;

/// <summary>
/// The error responses that the global error handler can answer any request with, as its configuration fixes them.
/// Registered by <c>AddGlobalErrorHandler()</c>, for packages that describe the API, such as
/// <c>ErrorHandling.AspNetCore.OpenApi</c>.
/// </summary>
public interface IErrorResponseCatalog
{
    /// <summary>
    /// Gets the responses, one per status in ascending order, with 500 always among them: the 500 of an exception
    /// that no mapping covers, and the status of every mapping whose status is fixed when it is configured
    /// (<c>Map&lt;TException&gt;(statusCode)</c>, the predicate <c>Map</c> overloads, the <c>StatusCodes</c> entries
    /// of configuration, <c>MapValidation</c>).
    /// </summary>
    /// <remarks>
    /// Statuses decided at run time are not listed: those of <c>Map&lt;TException&gt;(e =&gt; ...)</c>, of problem
    /// factories, of a <c>ProblemDetailsException</c>, of a <c>BadHttpRequestException</c>, and of
    /// <c>ExceptionHandlerOptions.StatusCodeSelector</c>. Nor is a status whose response carries no body (1xx, 204,
    /// 205, 304), nor the 499 of a client that went away.
    /// </remarks>
    IReadOnlyList<DeclaredErrorResponse> Responses { get; }
}
