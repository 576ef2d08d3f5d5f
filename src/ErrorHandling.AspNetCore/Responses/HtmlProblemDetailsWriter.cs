using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Answers the problems the framework writes through <see cref="IProblemDetailsService"/> — <c>UseStatusCodePages()</c>
/// with <c>AddProblemDetails()</c>, minimal API validation, results that use the service — with the library's HTML
/// page when the request prefers <c>text/html</c>, so the whole app has one error contract. It is registered ahead
/// of every other writer, whatever the order of <c>AddProblemDetails()</c>, MVC and <c>AddGlobalErrorHandler()</c>;
/// JSON clients never reach it and keep the framework's (or the app's) writer. The page shows what the framework
/// put in the problem and never exception details.
/// </summary>
internal sealed class HtmlProblemDetailsWriter(
    IOptions<GlobalErrorHandlerOptions> options,
    IOptions<ProblemDetailsOptions> frameworkOptions,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions)
    : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) =>
        options.Value.HtmlErrorPages && ErrorPageNegotiator.PrefersHtml(context.HttpContext.Request.Headers.Accept);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var httpContext = context.HttpContext;
        var response = httpContext.Response;
        var problem = context.ProblemDetails;
        var statusCode = problem.Status ?? response.StatusCode;

        // What the framework's own writer would add before writing: its defaults, the trace id, the app's customization.
        ProblemDetailsBuilder.Completed(httpContext, problem, statusCode, ProblemDetailsBuilder.TraceIdFor(httpContext));
        frameworkOptions.Value.CustomizeProblemDetails?.Invoke(context);

        using var page = HtmlErrorPageResponse.Render(httpContext, problem, problem.Status ?? statusCode, exceptionDetails: null, jsonOptions.Value.SerializerOptions);
        await ErrorResponseWriter.SendAsync(httpContext, page).ConfigureAwait(false);
    }
}
