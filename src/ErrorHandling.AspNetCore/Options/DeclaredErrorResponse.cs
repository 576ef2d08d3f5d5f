namespace ErrorHandling.AspNetCore;

/// <summary>
/// An error response that the global error handler can answer a request with: its status and the kind of problem
/// details body it carries. Listed by <see cref="IErrorResponseCatalog"/>.
/// </summary>
public sealed class DeclaredErrorResponse
{
    /// <summary>
    /// Initializes a new instance of the <see cref="DeclaredErrorResponse"/> class.
    /// </summary>
    /// <param name="statusCode">The status code of the response.</param>
    /// <param name="isValidationProblem">Whether the body is a validation problem (an <c>errors</c> member).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="statusCode"/> is outside 200–599, or is 204, 205 or 304: a response that carries no body.
    /// </exception>
    public DeclaredErrorResponse(int statusCode, bool isValidationProblem)
    {
        ProblemStatus.ThrowIfUnusable(statusCode, nameof(statusCode));
        StatusCode = statusCode;
        IsValidationProblem = isValidationProblem;
    }

    /// <summary>
    /// Gets the status code of the response.
    /// </summary>
    public int StatusCode { get; }

    /// <summary>
    /// Gets whether the body is a validation problem: the problem details with an <c>errors</c> member (each field
    /// with its messages), the framework's <c>HttpValidationProblemDetails</c>; otherwise it is a plain problem.
    /// </summary>
    public bool IsValidationProblem { get; }
}
