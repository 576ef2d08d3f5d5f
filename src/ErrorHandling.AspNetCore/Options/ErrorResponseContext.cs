using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// What a custom <see cref="GlobalErrorHandlerOptions.ResponseWriter"/> gets to write an error response.
/// </summary>
/// <remarks>
/// When the writer runs, the failed response has been reset, its status set to
/// <see cref="ProblemDetails"/>' <c>Status</c> and the no-cache headers added. The writer writes the body and may
/// change the status and headers; the body is sent when the writer returns. The status it leaves must be
/// 200–599 except 204, 205 and 304, or the client gets the minimal 500.
/// </remarks>
public sealed class ErrorResponseContext
{
    internal ErrorResponseContext(HttpContext httpContext, Exception? exception, ProblemDetails problemDetails, bool includeExceptionDetails)
    {
        HttpContext = httpContext;
        Exception = exception;
        ProblemDetails = problemDetails;
        IncludeExceptionDetails = includeExceptionDetails;
    }

    /// <summary>
    /// Gets the <see cref="Microsoft.AspNetCore.Http.HttpContext"/> of the failed request.
    /// </summary>
    public HttpContext HttpContext { get; }

    /// <summary>
    /// Gets the exception being handled, or <see langword="null"/> when the response is written for an empty
    /// error response (see <see cref="GlobalErrorHandlerOptions.WriteProblemDetailsForEmptyResponses"/>).
    /// </summary>
    public Exception? Exception { get; }

    /// <summary>
    /// Gets the problem details the handler would have written, after every customization. Its
    /// <c>Detail</c> already follows the exception details policy: generic without details, the
    /// exception's message with details.
    /// </summary>
    public ProblemDetails ProblemDetails { get; }

    /// <summary>
    /// Gets whether exception details may be written (see <see cref="GlobalErrorHandlerOptions.ExceptionDetails"/>).
    /// A writer must not write the exception's type, message or stack trace when this is <see langword="false"/>.
    /// </summary>
    public bool IncludeExceptionDetails { get; }
}
