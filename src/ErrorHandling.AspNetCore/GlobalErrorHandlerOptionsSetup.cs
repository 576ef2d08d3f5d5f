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
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.StatusCodes)):
                    BindStatusCodes(child, options);
                    break;
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.WriteProblemDetailsForEmptyResponses)):
                    options.WriteProblemDetailsForEmptyResponses = BindBoolean(child, options, options.WriteProblemDetailsForEmptyResponses);
                    break;
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.LogExceptionsHandledByExceptionHandlers)):
                    options.LogExceptionsHandledByExceptionHandlers = BindBoolean(child, options, options.LogExceptionsHandledByExceptionHandlers);
                    break;
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.LogRequestHeaders)):
                    options.LogRequestHeaders = BindBoolean(child, options, options.LogRequestHeaders);
                    break;
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.LogFailedRequests)):
                    options.LogFailedRequests = BindBoolean(child, options, options.LogFailedRequests);
                    break;
                case var key when Is(key, nameof(GlobalErrorHandlerOptions.HtmlErrorPages)):
                    options.HtmlErrorPages = BindBoolean(child, options, options.HtmlErrorPages);
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

    private static bool BindBoolean(IConfigurationSection section, GlobalErrorHandlerOptions options, bool current)
    {
        if (bool.TryParse(section.Value, out var value))
        {
            return value;
        }

        options.ConfigurationErrors.Add($"{section.Path} has the value '{section.Value}', which is not true or false.");
        return current;
    }

    private static void BindStatusCodes(IConfigurationSection section, GlobalErrorHandlerOptions options)
    {
        foreach (var entry in section.GetChildren())
        {
            if (int.TryParse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var statusCode))
            {
                options.StatusCodes[entry.Key] = statusCode;
            }
            else
            {
                options.ConfigurationErrors.Add($"{entry.Path} has the value '{entry.Value}', which is not a status code.");
            }
        }
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
