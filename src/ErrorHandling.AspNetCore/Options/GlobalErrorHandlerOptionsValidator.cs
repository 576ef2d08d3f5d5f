using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Validates <see cref="GlobalErrorHandlerOptions"/> when the host starts. Every message names the
/// option and the offending value.
/// </summary>
internal sealed class GlobalErrorHandlerOptionsValidator(IConfiguration? configuration = null, IServiceProviderIsService? services = null)
    : IValidateOptions<GlobalErrorHandlerOptions>
{
    private const string Prefix = GlobalErrorHandlerOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, GlobalErrorHandlerOptions options)
    {
        var failures = new List<string>();

        if (!Enum.IsDefined(options.ExceptionDetails))
        {
            failures.Add($"{Prefix}{nameof(options.ExceptionDetails)} has the value '{(int)options.ExceptionDetails}', which is not one of {string.Join(", ", Enum.GetNames<ExceptionDetailsPolicy>())}.");
        }

        if (string.IsNullOrWhiteSpace(options.GenericDetail))
        {
            failures.Add($"{Prefix}{nameof(options.GenericDetail)} has the value '{options.GenericDetail}'; it must not be empty, or Production error responses would carry no explanation.");
        }

        if (options.ErrorStormWindow is { } window && window <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}{nameof(options.ErrorStormWindow)} has the value '{window.ToString("c", CultureInfo.InvariantCulture)}'; it must be greater than zero when set, or null to turn error-storm mode off.");
        }

        if (options.ErrorStormEventsPerWindow is { } eventsPerWindow)
        {
            if (eventsPerWindow is < 1 or > GlobalErrorHandlerOptions.MaxErrorStormEventsPerWindow)
            {
                failures.Add($"{Prefix}{nameof(options.ErrorStormEventsPerWindow)} has the value '{eventsPerWindow.ToString(CultureInfo.InvariantCulture)}'; it must be between 1 and {GlobalErrorHandlerOptions.MaxErrorStormEventsPerWindow.ToString("N0", CultureInfo.InvariantCulture)} when set, or null to keep an event for every failure.");
            }

            if (options.ErrorStormWindow is null)
            {
                failures.Add($"{Prefix}{nameof(options.ErrorStormEventsPerWindow)} is set but {Prefix}{nameof(options.ErrorStormWindow)} is not; the cap counts events per window, so set {nameof(options.ErrorStormWindow)} too, such as '00:00:10'.");
            }
        }

        // Without it the first failure would find no localizer: the handler's own failure, in place of every error response.
        if (options.LocalizationResource is { } resource && services?.IsService(typeof(IStringLocalizerFactory)) == false)
        {
            failures.Add($"{Prefix}LocalizeWith<{resource.Name}>() needs the app's localization services, which are not registered; call builder.Services.AddLocalization().");
        }

        // A bare "*" would keep every header of the failed response, which is exactly what the reset
        // exists to prevent; redacting every header or parameter, on the other hand, is a valid choice.
        ValidateNames(nameof(options.PreservedResponseHeaders), options.PreservedResponseHeaders, allowBareWildcard: false, failures);
        ValidateNames(nameof(options.RedactedQueryParameters), options.RedactedQueryParameters, allowBareWildcard: true, failures);
        ValidateNames(nameof(options.RedactedHeaders), options.RedactedHeaders, allowBareWildcard: true, failures);
        ValidatePreservedPatterns(options, failures);

        foreach (var (typeName, statusCode) in options.StatusCodes)
        {
            if (ProblemStatus.Rejection(statusCode) is { } rejection)
            {
                failures.Add($"{Prefix}{nameof(options.StatusCodes)}:{typeName} has the value '{statusCode}'; {rejection}.");
            }

            if (!ExceptionTypeResolver.TryResolve(typeName, out _))
            {
                failures.Add($"{Prefix}{nameof(options.StatusCodes)}:{typeName} names no exception type in the loaded assemblies; use the type's full name (Namespace.TypeName), or Map<TException>() in code.");
            }
        }

        ValidateProblemTypeBaseUri(options, failures);
        ValidateCodes(options, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateProblemTypeBaseUri(GlobalErrorHandlerOptions options, List<string> failures)
    {
        if (options.ProblemTypeBaseUri is { } baseUri && !ErrorCodeRules.IsValidBase(baseUri))
        {
            failures.Add($"{Prefix}{nameof(options.ProblemTypeBaseUri)} has the value '{baseUri.OriginalString}'; it must be an absolute http or https URI without a query or a fragment, such as 'https://errors.example.com/', which each code is appended to.");
        }
    }

    // A code is a promise to clients: they switch on it, so it must mean one kind of problem, at one status. Several
    // types may share a code at the same status.
    private static void ValidateCodes(GlobalErrorHandlerOptions options, List<string> failures)
    {
        var mappings = options.ResolveTypeMappings()
            .Select(static m => (Name: m.Key.FullName ?? m.Key.Name, m.Value))
            .Concat(options.PredicateMappings.Select(static p => (Name: $"the predicate mapping to {p.Mapping.StatusCode}", p.Mapping)));
        var statusesByCode = new Dictionary<string, SortedDictionary<int, List<string>>>(StringComparer.Ordinal);
        foreach (var (name, mapping) in mappings)
        {
            if (mapping.Code is not { } code)
            {
                continue;
            }

            if (!ErrorCodeRules.IsValid(code))
            {
                failures.Add($"ExceptionMapping.Code of {name} has the value '{code}'; {ErrorCodeRules.Description}, so that clients can switch on it and it can end a problem type URI.");
                continue;
            }

            if (mapping.Extensions.ContainsKey(ErrorCodeRules.ExtensionKey))
            {
                failures.Add($"The mapping of {name} sets both ExceptionMapping.Code and ExceptionMapping.Extensions[\"{ErrorCodeRules.ExtensionKey}\"]; set the code once, with ExceptionMapping.Code.");
            }

            if (mapping.HasFixedStatus)
            {
                var statuses = statusesByCode.TryGetValue(code, out var found) ? found : statusesByCode[code] = [];
                (statuses.TryGetValue(mapping.StatusCode, out var names) ? names : statuses[mapping.StatusCode] = []).Add(name);
            }
        }

        foreach (var (code, statuses) in statusesByCode)
        {
            if (statuses.Count > 1)
            {
                var where = string.Join(", ", statuses.Select(static s => $"{s.Key} ({string.Join(", ", s.Value)})"));
                failures.Add($"ExceptionMapping.Code '{code}' is mapped to more than one status: {where}; a code names one kind of problem, at one status.");
            }
        }
    }

    private void ValidateNames(string optionName, IList<string> names, bool allowBareWildcard, List<string> failures)
    {
        foreach (var value in names)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{KeyOf(optionName, value)} has the value '{value}'; a name must not be empty.");
            }
            else if (!allowBareWildcard && value == "*")
            {
                failures.Add($"{KeyOf(optionName, value)} has the value '*', which would keep every header of the failed response.");
            }
        }
    }

    // A pattern that keeps a header the handler treats as a credential would hand the failed response's cookie or
    // token to the client, so each pattern is tried against Set-Cookie and the redacted header names.
    private void ValidatePreservedPatterns(GlobalErrorHandlerOptions options, List<string> failures)
    {
        string[] sensitive = ["Set-Cookie", .. options.RedactedHeaders.Where(static name => !name.Contains('*', StringComparison.Ordinal))];
        foreach (var value in options.PreservedResponseHeaders)
        {
            if (value is null || value == "*" || !value.Contains('*', StringComparison.Ordinal))
            {
                continue;
            }

            if (value.Trim('*').Length == 0)
            {
                failures.Add($"{KeyOf(nameof(options.PreservedResponseHeaders), value)} has the value '{value}', which would keep every header of the failed response.");
            }
            else if (Array.Find(sensitive, new NamePatternSet([value]).Matches) is { } kept)
            {
                failures.Add($"{KeyOf(nameof(options.PreservedResponseHeaders), value)} has the value '{value}', which would keep {kept} of the failed response; name the headers to keep, or use a prefix that matches none of Set-Cookie and {nameof(options.RedactedHeaders)}.");
            }
        }
    }

    // The list holds the defaults, configuration and code merged, so a position in it is no key the user
    // wrote; the configuration entry with that value is, when there is one.
    private string KeyOf(string optionName, string value)
    {
        var entries = configuration?.GetSection(Prefix + optionName).GetChildren() ?? [];
        foreach (var entry in entries)
        {
            if (entry.Value == value)
            {
                return entry.Path;
            }
        }

        return $"{Prefix}{optionName} (set in code)";
    }
}
