using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ErrorHandling.AspNetCore;

/// <content>Problems in the client's language: <see cref="LocalizeWith{TResource}"/>.</content>
public sealed partial class GlobalErrorHandlerOptions
{
    /// <summary>The resource type of <see cref="LocalizeWith{TResource}"/>, or <see langword="null"/> when problems are not localized.</summary>
    internal Type? LocalizationResource { get; private set; }

    /// <summary>Gets the <c>IStringLocalizer&lt;TResource&gt;</c> of <see cref="LocalizeWith{TResource}"/> from the app's services.</summary>
    internal Func<IServiceProvider, IStringLocalizer>? LocalizerFactory { get; private set; }

    /// <summary>
    /// Translates the <c>title</c> and <c>detail</c> texts the handler and the mappings write — the framework's
    /// title for the status, <see cref="GenericDetail"/>, a mapping's <see cref="ExceptionMapping.Title"/> and
    /// <see cref="ExceptionMapping.Detail"/> — with the app's <c>IStringLocalizer&lt;TResource&gt;</c>, in the
    /// request's UI culture: the one <c>UseRequestLocalization()</c> chose, wherever it sits in the pipeline, else
    /// <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.
    /// </summary>
    /// <remarks>
    /// The text itself is the resource key, so a text without a translation stays as written. A response with a
    /// translated text carries <c>Content-Language</c>, and the HTML page's <c>lang</c> is that culture. Texts the
    /// app authored itself (problem factories, <see cref="ProblemDetailsException"/>, validation messages,
    /// <see cref="CustomizeProblemDetails"/>), exception messages and the log event are never translated. The app
    /// must call <c>builder.Services.AddLocalization()</c>; start-up fails otherwise. Calling this again replaces the
    /// resource type.
    /// </remarks>
    /// <typeparam name="TResource">The type whose resources (<c>.resx</c>) hold the translations.</typeparam>
    /// <returns>These options, for chaining.</returns>
    public GlobalErrorHandlerOptions LocalizeWith<TResource>()
    {
        LocalizationResource = typeof(TResource);
        LocalizerFactory = static provider => provider.GetRequiredService<IStringLocalizer<TResource>>();
        return this;
    }
}
