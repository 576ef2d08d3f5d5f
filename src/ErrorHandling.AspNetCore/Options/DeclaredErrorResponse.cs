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
        : this(statusCode, isValidationProblem, [])
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DeclaredErrorResponse"/> class with the error codes its problems carry.
    /// </summary>
    /// <param name="statusCode">The status code of the response.</param>
    /// <param name="isValidationProblem">Whether the body is a validation problem (an <c>errors</c> member).</param>
    /// <param name="codes">The error codes mapped to the status, one entry per code.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="statusCode"/> is outside 200–599, or is 204, 205 or 304: a response that carries no body.
    /// </exception>
    public DeclaredErrorResponse(int statusCode, bool isValidationProblem, IReadOnlyList<DeclaredErrorCode> codes)
    {
        ProblemStatus.ThrowIfUnusable(statusCode, nameof(statusCode));
        ArgumentNullException.ThrowIfNull(codes);
        StatusCode = statusCode;
        IsValidationProblem = isValidationProblem;
        Codes = codes;
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

    /// <summary>
    /// Gets the error codes (<see cref="ExceptionMapping.Code"/>) of the mappings that answer with this status, one entry
    /// per code in ordinal order; empty when none has a code.
    /// </summary>
    public IReadOnlyList<DeclaredErrorCode> Codes { get; }
}
