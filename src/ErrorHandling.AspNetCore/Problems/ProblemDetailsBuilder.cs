using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Builds the one <see cref="ProblemDetails"/> of a failure — for an exception or for an empty error response —
/// and applies both customizations to it: the framework's <c>ProblemDetailsOptions.CustomizeProblemDetails</c>,
/// then <see cref="GlobalErrorHandlerOptions.CustomizeProblemDetails"/>. Every response writer reads only this.
/// </summary>
internal sealed class ProblemDetailsBuilder
{
    /// <summary>The extension member that carries the trace id, the same string as the log event's <c>TraceId</c>.</summary>
    public const string TraceIdKey = "traceId";

    private readonly bool _includeDetails;
    private readonly string _genericDetail;
    private readonly Action<ProblemDetailsContext>? _frameworkCustomization;
    private readonly Action<ProblemDetailsContext>? _customization;

    public ProblemDetailsBuilder(
        bool includeDetails, string genericDetail, Action<ProblemDetailsContext>? frameworkCustomization, Action<ProblemDetailsContext>? customization)
    {
        _includeDetails = includeDetails;
        _genericDetail = genericDetail;
        _frameworkCustomization = frameworkCustomization;
        _customization = customization;
    }

    /// <summary>The problem for an exception, as its classification and the exception details policy say.</summary>
    public ProblemDetails ForException(HttpContext context, Exception exception, ExceptionClassification classification, string traceId)
    {
        var mapping = classification.Mapping;
        var detail = _includeDetails || mapping is { ExposeMessage: true }
            ? SafeExceptionText.Message(classification.MatchedException)
            : mapping?.Detail ?? GenericDetailFor(classification.StatusCode);
        var problem = Create(context, classification.StatusCode, mapping?.Title, detail, traceId);
        Customize(context, exception, problem);
        return problem;
    }

    /// <summary>The problem for an error response that ended without a body (a 404 from routing, say).</summary>
    public ProblemDetails ForStatus(HttpContext context, int statusCode, string traceId)
    {
        var problem = Create(context, statusCode, title: null, GenericDetailFor(statusCode), traceId);
        Customize(context, exception: null, problem);
        return problem;
    }

    private static ProblemDetails Create(HttpContext context, int statusCode, string? title, string? detail, string traceId)
    {
        var (defaultType, defaultTitle) = ProblemTypeDefaults.For(statusCode);
        var problem = new ProblemDetails
        {
            Status = statusCode,
            Type = defaultType,
            Title = title ?? defaultTitle,
            Detail = detail,
            Instance = (context.Request.PathBase + context.Request.Path).ToString(),
        };
        problem.Extensions[TraceIdKey] = traceId;
        return problem;
    }

    private string? GenericDetailFor(int statusCode) => statusCode >= 500 ? _genericDetail : null;

    private void Customize(HttpContext context, Exception? exception, ProblemDetails problem)
    {
        if (_frameworkCustomization is null && _customization is null)
        {
            return;
        }

        var problemContext = new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception };
        _frameworkCustomization?.Invoke(problemContext);
        _customization?.Invoke(problemContext);
    }
}
