using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Sends the HTML error page (<see cref="HtmlErrorPageWriter"/>) as the response, for exceptions and for the problems
/// the framework writes alike: the one place that sets the page's headers — <c>Content-Security-Policy</c>,
/// <c>X-Content-Type-Options: nosniff</c>, <c>Content-Type</c> and <c>Content-Length</c> — before its one write.
/// </summary>
internal static class HtmlErrorPageResponse
{
    /// <summary>Renders the page of <paramref name="problem"/> and sends it; the caller has set the status.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="problem">The problem details, after every customization.</param>
    /// <param name="status">The status of the response, used when <see cref="ProblemDetails.Status"/> is not set.</param>
    /// <param name="exceptionDetails">The exception to show, or <see langword="null"/> when details must not be written.</param>
    /// <param name="serializerOptions">The app's JSON options, for extension values that are no string or number.</param>
    public static async Task SendAsync(
        HttpContext context, ProblemDetails problem, int status, Exception? exceptionDetails, JsonSerializerOptions serializerOptions)
    {
        using var page = HtmlErrorPageWriter.Render(problem, status, exceptionDetails, serializerOptions);
        var response = context.Response;
        var headers = response.Headers;
        headers.ContentSecurityPolicy = HtmlErrorPageWriter.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        response.ContentType = HtmlErrorPageWriter.ContentType;

        // One write with a known Content-Length: Kestrel sends the page unchunked.
        response.ContentLength = page.WrittenCount;
        await response.Body.WriteAsync(page.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
