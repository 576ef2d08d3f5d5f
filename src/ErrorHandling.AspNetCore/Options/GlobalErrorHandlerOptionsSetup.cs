using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Binds <see cref="GlobalErrorHandlerOptions"/> from the <c>GlobalErrorHandler</c> configuration section with
/// the framework's <see cref="ConfigurationBinder"/> (source-generated, so trimming- and AOT-safe), so every
/// shape the binder accepts — empty arrays, a section value beside its children, environment variables,
/// command-line switches — binds exactly as it would for any other options class.
/// </summary>
/// <remarks>
/// What the binder rejects (a value it cannot convert, a key that is no option) fails start-up with an
/// <see cref="OptionsValidationException"/> whose message names the key and the value as the user wrote them.
/// </remarks>
internal sealed class GlobalErrorHandlerOptionsSetup(IConfiguration? configuration = null)
    : IConfigureOptions<GlobalErrorHandlerOptions>
{
    public void Configure(GlobalErrorHandlerOptions options)
    {
        var section = configuration?.GetSection(GlobalErrorHandlerOptions.SectionName);
        if (section is null || !section.Exists())
        {
            return;
        }

        var problems = Problems(section);
        if (problems.Count != 0)
        {
            throw Invalid(problems);
        }

        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException bindingFailure)
        {
            throw Invalid([bindingFailure.Message]);
        }
    }

    // What the binder would reject, found before binding so that every bad key is reported at once, in
    // words that say what the option takes rather than which type the value failed to convert to.
    private static List<string> Problems(IConfigurationSection section)
    {
        var problems = new List<string>();
        foreach (var child in section.GetChildren())
        {
            if (!GlobalErrorHandlerOptions.BindableNames.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{child.Path} is not a known option of the global error handler; the options are {string.Join(", ", GlobalErrorHandlerOptions.BindableNames)}.");
                continue;
            }

            if (ShapeProblem(child) is { } shapeProblem)
            {
                problems.Add(shapeProblem);
                continue;
            }

            var value = child.Value;
            var problem = child.Key.ToUpperInvariant() switch
            {
                "EXCEPTIONDETAILS" when value is not null && !Enum.TryParse<ExceptionDetailsPolicy>(value, ignoreCase: true, out _) =>
                    $"which is not one of {string.Join(", ", Enum.GetNames<ExceptionDetailsPolicy>())}",
                "ERRORSTORMWINDOW" when !string.IsNullOrEmpty(value) && !TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _) =>
                    "which is not a time span such as '00:00:10' (hh:mm:ss)",
                "ERRORSTORMWINDOW" when !string.IsNullOrEmpty(value) && !value.Contains(':', StringComparison.Ordinal) =>
                    "which is a number without a unit, read as days; write a time span such as '00:00:10' (hh:mm:ss) for ten seconds",
                "ERRORSTORMEVENTSPERWINDOW" when !string.IsNullOrEmpty(value) && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) =>
                    "which is not a whole number of events such as 1",
                "WRITEPROBLEMDETAILSFOREMPTYRESPONSES" or "LOGEXCEPTIONSHANDLEDBYEXCEPTIONHANDLERS" or "LOGREQUESTHEADERS"
                    or "LOGFAILEDREQUESTS" or "HTMLERRORPAGES" when value is not null && !bool.TryParse(value, out _) =>
                    "which is not true or false",
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add($"{child.Path} has the value '{value}', {problem}.");
            }

            if (string.Equals(child.Key, nameof(GlobalErrorHandlerOptions.StatusCodes), StringComparison.OrdinalIgnoreCase))
            {
                foreach (var entry in child.GetChildren())
                {
                    if (!int.TryParse(entry.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                    {
                        problems.Add($"{entry.Path} has the value '{entry.Value}', which is not a status code.");
                    }
                }
            }
        }

        return problems;
    }

    // Shapes the binder skips without a word, though the user surely meant something by them: a single value for a
    // list or a dictionary (a JSON string instead of an array, GlobalErrorHandler__RedactedHeaders=X-Key), an object
    // or array for a single value, an object inside a list. An empty value beside a list is what empty arrays and
    // empty environment variables look like, and stays accepted.
    private static string? ShapeProblem(IConfigurationSection child)
    {
        var key = child.Key;
        if (IsList(key))
        {
            if (!string.IsNullOrEmpty(child.Value))
            {
                return $"{child.Path} has the value '{child.Value}', which is a single value where a list is expected; write \"{key}\": [ \"{child.Value}\" ] in JSON, or {child.Path.Replace(":", "__", StringComparison.Ordinal)}__0={child.Value} as an environment variable.";
            }

            foreach (var entry in child.GetChildren())
            {
                if (entry.Value is null && entry.GetChildren().Any())
                {
                    return $"{entry.Path} is an object or a list where a name is expected.";
                }
            }

            return null;
        }

        if (string.Equals(key, nameof(GlobalErrorHandlerOptions.StatusCodes), StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(child.Value)
                ? null
                : $"{child.Path} has the value '{child.Value}', which is a single value where an object of exception type names and status codes is expected, such as \"{key}\": {{ \"System.TimeoutException\": 504 }}.";
        }

        return child.Value is null && child.GetChildren().Any()
            ? $"{child.Path} is an object or a list where a single value is expected."
            : null;
    }

    private static bool IsList(string key) =>
        string.Equals(key, nameof(GlobalErrorHandlerOptions.PreservedResponseHeaders), StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, nameof(GlobalErrorHandlerOptions.RedactedQueryParameters), StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, nameof(GlobalErrorHandlerOptions.RedactedHeaders), StringComparison.OrdinalIgnoreCase);

    private static OptionsValidationException Invalid(IEnumerable<string> failures) =>
        new(Options.DefaultName, typeof(GlobalErrorHandlerOptions), failures);
}
