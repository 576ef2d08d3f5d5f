using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Translates the texts the handler and the app's mappings wrote into a problem, with the
/// <see cref="IStringLocalizer"/> of <see cref="GlobalErrorHandlerOptions.LocalizeWith{TResource}"/>, in the request's
/// UI culture. The text is the resource key, so a text without a translation stays as written.
/// </summary>
internal sealed class ProblemLocalizer
{
    private readonly IStringLocalizer _localizer;

    public ProblemLocalizer(IStringLocalizer localizer) => _localizer = localizer;

    /// <summary>
    /// Translates the problem's <c>title</c> and/or <c>detail</c> (only those the handler wrote), and returns the
    /// culture when a text was translated — the response's language — else <see langword="null"/>.
    /// </summary>
    public CultureInfo? Translate(HttpContext context, ProblemDetails problem, bool title, bool detail)
    {
        var culture = CultureOf(context);
        var previous = CultureInfo.CurrentUICulture;

        // A string localizer looks texts up in the current UI culture and takes no culture of its own.
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var translated = false;
            if (title && TryTranslate(problem.Title, out var titleText))
            {
                problem.Title = titleText;
                translated = true;
            }

            if (detail && TryTranslate(problem.Detail, out var detailText))
            {
                problem.Detail = detailText;
                translated = true;
            }

            // The invariant culture has no name a Content-Language header could carry.
            return translated && culture.Name.Length != 0 ? culture : null;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static CultureInfo CultureOf(HttpContext context) =>
        // UseRequestLocalization() usually sits after the handler: the culture it set for the rest of the pipeline
        // is gone by the time an exception comes back; the feature it set on the request is not.
        context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;

    private bool TryTranslate(string? text, [NotNullWhen(true)] out string? translation)
    {
        translation = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var localized = _localizer[text];

        // A resource that repeats its key (an English .resx for English texts) translated nothing.
        if (localized.ResourceNotFound || string.Equals(localized.Value, text, StringComparison.Ordinal))
        {
            return false;
        }

        translation = localized.Value;
        return true;
    }
}
