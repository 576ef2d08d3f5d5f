using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Builds the one <see cref="ProblemDetails"/> of a failure — for an exception or for an empty error response —
/// and applies both customizations to it: the framework's <c>ProblemDetailsOptions.CustomizeProblemDetails</c>,
/// then <see cref="GlobalErrorHandlerOptions.CustomizeProblemDetails"/>, and checks the status they leave. With
/// <see cref="GlobalErrorHandlerOptions.LocalizeWith{TResource}"/>, the texts it writes itself are translated before
/// the customizations run (<see cref="ProblemLocalizer"/>). Every response writer reads only this.
/// </summary>
internal sealed class ProblemDetailsBuilder
{
    /// <summary>The extension member that carries the trace id, the same string as the log event's <c>TraceId</c>.</summary>
    public const string TraceIdKey = "traceId";

    /// <summary>The title of a validation problem, as the framework's <see cref="HttpValidationProblemDetails"/> has it.</summary>
    public const string ValidationTitle = "One or more validation errors occurred.";

    private readonly bool _includeDetails;
    private readonly string _genericDetail;
    private readonly Action<ProblemDetailsContext>? _frameworkCustomization;
    private readonly Action<ProblemDetailsContext>? _customization;
    private readonly Uri? _problemTypeBaseUri;

    // The type URI of each code, joined once: a failure with a code allocates no string for its type.
    private readonly ConcurrentDictionary<string, string>? _typesByCode;
    private readonly ProblemLocalizer? _localizer;

    public ProblemDetailsBuilder(
        bool includeDetails,
        string genericDetail,
        Action<ProblemDetailsContext>? frameworkCustomization,
        Action<ProblemDetailsContext>? customization,
        Uri? problemTypeBaseUri = null,
        ProblemLocalizer? localizer = null)
    {
        _problemTypeBaseUri = problemTypeBaseUri;
        _typesByCode = problemTypeBaseUri is null ? null : new(StringComparer.Ordinal);
        _includeDetails = includeDetails;
        _genericDetail = genericDetail;
        _frameworkCustomization = frameworkCustomization;
        _customization = customization;
        _localizer = localizer;
    }

    /// <summary>
    /// The problem for an exception. What the app authored — a mapping's <c>type</c> and extensions, a factory's
    /// or a <see cref="ProblemDetailsException"/>'s problem, validation errors — is kept in every environment;
    /// what the exception itself carries (its message) follows the exception details policy. Only the texts the
    /// handler or a mapping wrote are translated; <paramref name="language"/> is the culture they were translated
    /// into, or <see langword="null"/> when none was.
    /// </summary>
    public ProblemDetails ForException(
        HttpContext context, Exception exception, ExceptionClassification classification, string traceId, out CultureInfo? language)
    {
        var mapping = classification.Mapping;
        ProblemDetails problem;
        language = null;
        if (classification.AuthoredProblem is { } authored)
        {
            problem = Completed(context, Copy(authored), classification.StatusCode, traceId);

            // The app wrote this problem for its clients; only a title the handler filled in is its own.
            if (_localizer is not null && authored.Title is null)
            {
                language = _localizer.Translate(context, problem, title: true, detail: false);
            }
        }
        else
        {
            var exposesMessage = _includeDetails || mapping is { ExposeMessage: true };
            var detail = exposesMessage
                ? SafeExceptionText.Message(classification.MatchedException)
                : mapping?.Detail ?? GenericDetailFor(classification.StatusCode);
            problem = classification.ValidationErrors is { } errors
                ? new HttpValidationProblemDetails(errors) { Title = mapping?.Title ?? ValidationTitle, Detail = detail }
                : new ProblemDetails { Title = mapping?.Title, Detail = detail };
            problem.Type = mapping?.Type ?? TypeOfCode(mapping?.Code);
            problem = Completed(context, problem, classification.StatusCode, traceId);
            if (mapping is not null)
            {
                foreach (var (name, value) in mapping.Extensions)
                {
                    problem.Extensions[name] = value;
                }

                if (mapping.Code is { } code)
                {
                    problem.Extensions[ErrorCodeRules.ExtensionKey] = code;
                }
            }

            if (_localizer is not null)
            {
                language = _localizer.Translate(context, problem, title: true, detail: !exposesMessage);
            }
        }

        Customize(context, exception, problem);
        return problem;
    }

    /// <summary>
    /// The problem for an error response that ended without a body (a 404 from routing, say); <paramref name="language"/>
    /// is the culture its texts were translated into, or <see langword="null"/>.
    /// </summary>
    public ProblemDetails ForStatus(HttpContext context, int statusCode, string traceId, out CultureInfo? language)
    {
        var problem = Completed(context, new ProblemDetails { Detail = GenericDetailFor(statusCode) }, statusCode, traceId);
        language = _localizer?.Translate(context, problem, title: true, detail: true);
        Customize(context, exception: null, problem);
        return problem;
    }

    /// <summary>The request's trace id as the body's <c>traceId</c> and the log's <c>TraceId</c> carry it: the current activity's id, else the request's identifier.</summary>
    public static string TraceIdFor(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    /// <summary>
    /// Fills in what a problem leaves out — the status, the framework's type and title for it, <c>instance</c>,
    /// <c>traceId</c> — and returns it.
    /// </summary>
    public static ProblemDetails Completed(HttpContext context, ProblemDetails problem, int statusCode, string traceId)
    {
        var (defaultType, defaultTitle) = ProblemTypeDefaults.For(statusCode);
        problem.Status ??= statusCode;
        problem.Type ??= defaultType;
        problem.Title ??= defaultTitle;
        problem.Instance ??= (context.Request.PathBase + context.Request.Path).ToString();
        problem.Extensions.TryAdd(TraceIdKey, traceId);
        return problem;
    }

    // The app's problem may be a shared instance (a static one, an exception thrown twice): it is never changed.
    private static ProblemDetails Copy(ProblemDetails source)
    {
        var copy = source is HttpValidationProblemDetails validation
            ? new HttpValidationProblemDetails(validation.Errors)
            : new ProblemDetails();
        copy.Type = source.Type;
        copy.Title = source.Title;
        copy.Status = source.Status;
        copy.Detail = source.Detail;
        copy.Instance = source.Instance;
        foreach (var (name, value) in source.Extensions)
        {
            copy.Extensions[name] = value;
        }

        return copy;
    }

    private string? TypeOfCode(string? code) =>
        code is null || _typesByCode is null
            ? null
            : _typesByCode.GetOrAdd(code, static (key, baseUri) => ErrorCodeRules.TypeOf(baseUri, key), _problemTypeBaseUri!);

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
        if (problem.Status is { } status)
        {
            ProblemStatus.Checked(status, "CustomizeProblemDetails (the handler's, or the framework's ProblemDetailsOptions.CustomizeProblemDetails)");
        }
    }
}
