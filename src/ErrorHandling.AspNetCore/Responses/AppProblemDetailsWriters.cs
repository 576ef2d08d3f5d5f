using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The <see cref="IProblemDetailsWriter"/> services the app registered itself, which write an exception's problem
/// when the request prefers a media type other than JSON (<c>Accept: application/problem+xml</c>): the first, in
/// registration order, whose <c>CanWrite</c> accepts the request. JSON clients — no <c>Accept</c>, <c>*/*</c>,
/// <c>application/json</c>, <c>application/problem+json</c>, or either of them at least as preferred as anything
/// else — keep the handler's problem+json. The framework's writers and the handler's HTML writer are not the app's.
/// </summary>
internal sealed class AppProblemDetailsWriters
{
    // The problem+json writer of AddProblemDetails() and MVC's writer for [ApiController]s: internal types of the
    // framework, so known by name. They write JSON, which the handler writes itself.
    private static readonly HashSet<string> FrameworkWriters = new(StringComparer.Ordinal)
    {
        "Microsoft.AspNetCore.Http.DefaultProblemDetailsWriter",
        "Microsoft.AspNetCore.Mvc.Infrastructure.DefaultApiProblemDetailsWriter",
    };

    private readonly IProblemDetailsWriter[] _writers;

    public AppProblemDetailsWriters(IEnumerable<IProblemDetailsWriter> writers) =>
        _writers = [.. writers.Where(static writer => writer is not HtmlProblemDetailsWriter && !FrameworkWriters.Contains(writer.GetType().FullName!))];

    /// <summary>Gets whether the app registered no writer of its own.</summary>
    public bool IsEmpty => _writers.Length == 0;

    /// <summary>
    /// Finds the app's writer for this request, if the request prefers another media type than JSON and a writer can
    /// write for it.
    /// </summary>
    /// <param name="context">The failed request.</param>
    /// <param name="problem">The problem, complete.</param>
    /// <param name="exception">The exception, only when exception details are written; otherwise <see langword="null"/>.</param>
    /// <returns>The writer and the context to write with, or <see langword="null"/> when the handler writes the problem itself.</returns>
    public (IProblemDetailsWriter Writer, ProblemDetailsContext Context)? Find(HttpContext context, ProblemDetails problem, Exception? exception)
    {
        if (_writers.Length == 0 || !ErrorPageNegotiator.PrefersOtherThanJson(context.Request.Headers.Accept))
        {
            return null;
        }

        var problemContext = new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception };
        foreach (var writer in _writers)
        {
            if (writer.CanWrite(problemContext))
            {
                return (writer, problemContext);
            }
        }

        return null;
    }
}
