using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// An exception that carries the problem to answer with. The global error handler writes that problem in every
/// environment, with its status (500 when not set), and fills in the members it leaves out. A mapping of the
/// exception's type made by the app wins. A problem whose status cannot carry a body is a failure of the handler.
/// </summary>
public class ProblemDetailsException : Exception
{
    /// <summary>
    /// Initializes a new instance that answers with <paramref name="problemDetails"/>; the exception's message is
    /// the problem's detail, or its title.
    /// </summary>
    /// <param name="problemDetails">The problem to answer with, written for clients.</param>
    public ProblemDetailsException(ProblemDetails problemDetails)
        : base(MessageOf(problemDetails))
    {
        ProblemDetails = problemDetails;
    }

    /// <summary>
    /// Initializes a new instance that answers with a problem of the given status, title and detail.
    /// </summary>
    /// <param name="statusCode">The status code of the response: 200–599 except 204, 205 and 304, whose responses have no body.</param>
    /// <param name="title">The problem's title, or <see langword="null"/> for the framework's title for the status.</param>
    /// <param name="detail">The problem's detail, written for clients, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is outside 100–599, or a status without a body (1xx, 204, 205, 304).</exception>
    public ProblemDetailsException(int statusCode, string? title = null, string? detail = null)
        : this(new ProblemDetails { Status = ValidStatus(statusCode), Title = title, Detail = detail })
    {
    }

    /// <summary>Gets the problem the handler answers with.</summary>
    public ProblemDetails ProblemDetails { get; }

    private static string MessageOf(ProblemDetails problemDetails)
    {
        ArgumentNullException.ThrowIfNull(problemDetails);
        return problemDetails.Detail ?? problemDetails.Title
            ?? $"A problem with status {problemDetails.Status ?? StatusCodes.Status500InternalServerError}.";
    }

    private static int ValidStatus(int statusCode)
    {
        ProblemStatus.ThrowIfUnusable(statusCode, nameof(statusCode));
        return statusCode;
    }
}
