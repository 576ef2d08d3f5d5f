using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The HTML error page (<see cref="HtmlErrorPageWriter"/>) as a response, for exceptions and for the problems the
/// framework writes alike: the one place that sets the page's headers — <c>Content-Security-Policy</c> and
/// <c>X-Content-Type-Options: nosniff</c> — beside its <c>Content-Type</c>.
/// </summary>
internal static class HtmlErrorPageResponse
{
    /// <summary>Renders the page of <paramref name="problem"/> and sets its headers; <see cref="ErrorResponseWriter.SendAsync"/> sends it.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="problem">The problem details, after every customization.</param>
    /// <param name="status">The status of the response, used when <see cref="ProblemDetails.Status"/> is not set.</param>
    /// <param name="exceptionDetails">The exception to show, or <see langword="null"/> when details must not be written.</param>
    /// <param name="serializerOptions">The app's JSON options, for extension values that are no string or number.</param>
    /// <param name="language">The culture name the problem's texts were translated into, or <see langword="null"/> for English.</param>
    public static RenderedErrorResponse Render(
        HttpContext context, ProblemDetails problem, int status, Exception? exceptionDetails, JsonSerializerOptions serializerOptions, string? language = null)
    {
        var page = HtmlErrorPageWriter.Render(problem, status, exceptionDetails, serializerOptions, language);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = HtmlErrorPageWriter.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        return new RenderedErrorResponse(status, HtmlErrorPageWriter.ContentType, page.WrittenMemory, page);
    }
}
