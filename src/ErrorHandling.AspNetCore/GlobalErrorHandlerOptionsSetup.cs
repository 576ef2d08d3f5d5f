using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Binds <see cref="GlobalErrorHandlerOptions"/> from the <c>GlobalErrorHandler</c> configuration
/// section. Written by hand rather than with <c>ConfigurationBinder</c> so that it is trimming- and
/// AOT-safe, and so that every bad value is reported by name at start-up instead of throwing a
/// conversion error.
/// </summary>
internal sealed class GlobalErrorHandlerOptionsSetup(IConfiguration? configuration = null)
    : IConfigureOptions<GlobalErrorHandlerOptions>
{
    public void Configure(GlobalErrorHandlerOptions options)
    {
        if (configuration is null)
        {
            return;
        }

        var section = configuration.GetSection(GlobalErrorHandlerOptions.SectionName);
        if (!section.Exists())
        {
            return;
        }

        foreach (var child in section.GetChildren())
        {
            switch (child.Key)
            {
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.ExceptionDetails)):
                    BindExceptionDetails(child, options);
                    break;
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.GenericDetail)):
                    options.GenericDetail = child.Value ?? string.Empty;
                    break;
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.PreservedResponseHeaders)):
                    AppendList(child, options.PreservedResponseHeaders);
                    break;
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.RedactedQueryParameters)):
                    AppendList(child, options.RedactedQueryParameters);
                    break;
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.RedactedHeaders)):
                    AppendList(child, options.RedactedHeaders);
                    break;
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.ErrorStormWindow)):
                    BindErrorStormWindow(child, options);
                    break;
                default:
                    options.ConfigurationErrors.Add(
                        $"{child.Path} is not a known option of the global error handler.");
                    break;
            }
        }
    }

    private static bool Is(string key, string name) => string.Equals(key, name, StringComparison.OrdinalIgnoreCase);

    private static void BindExceptionDetails(IConfigurationSection section, GlobalErrorHandlerOptions options)
    {
        var value = section.Value;
        if (Enum.TryParse<ExceptionDetailsPolicy>(value, ignoreCase: true, out var policy)
            && Enum.IsDefined(policy)
            && !int.TryParse(value, out _))
        {
            options.ExceptionDetails = policy;
            return;
        }

        options.ConfigurationErrors.Add(
            $"{section.Path} has the value '{value}', which is not one of {string.Join(", ", Enum.GetNames<ExceptionDetailsPolicy>())}.");
    }

    private static void BindErrorStormWindow(IConfigurationSection section, GlobalErrorHandlerOptions options)
    {
        var value = section.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            // An empty value (GlobalErrorHandler__ErrorStormWindow=) turns the mode off, as it does
            // for a nullable option bound by ConfigurationBinder.
            options.ErrorStormWindow = null;
            return;
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var window))
        {
            options.ErrorStormWindow = window;
            return;
        }

        options.ConfigurationErrors.Add(
            $"{section.Path} has the value '{value}', which is not a time span such as '00:00:10' (hh:mm:ss).");
    }

    private static void AppendList(IConfigurationSection section, IList<string> target)
    {
        if (section.Value is { } single)
        {
            target.Add(single);
            return;
        }

        foreach (var item in section.GetChildren())
        {
            target.Add(item.Value ?? string.Empty);
        }
    }
}
