using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The <see cref="IErrorResponseCatalog"/> of the handler's options, read from the mappings in force as the
/// classifier sees them.
/// </summary>
/// <remarks>
/// A status that only the exception knows (a <see cref="BadHttpRequestException"/> keeps its own) cannot be
/// listed, nor can the 499 of a client that went away, which gets no response. A mapping whose status is chosen
/// per exception is left out for the same reason.
/// </remarks>
internal sealed class ErrorResponseCatalog(IOptions<GlobalErrorHandlerOptions> options) : IErrorResponseCatalog
{
    // Resolving the configured type names walks every loaded assembly; the options are a singleton, so once is enough.
    private readonly Lazy<IReadOnlyList<DeclaredErrorResponse>> _responses = new(() => Read(options.Value));

    /// <inheritdoc />
    public IReadOnlyList<DeclaredErrorResponse> Responses => _responses.Value;

    /// <summary>
    /// Reads the distinct statuses the handler can answer with from configured options, in ascending order.
    /// </summary>
    internal static IReadOnlyList<DeclaredErrorResponse> Read(GlobalErrorHandlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // A configured type that does not resolve is never matched, and a mapping in code replaces the configured
        // status of the same type.
        var statuses = new SortedDictionary<int, bool> { [StatusCodes.Status500InternalServerError] = false };
        var codes = new Dictionary<int, SortedDictionary<string, DeclaredErrorCode>>();
        foreach (var mapping in options.ResolveTypeMappings().Values.Concat(options.PredicateMappings.Select(static p => p.Mapping)))
        {
            // A status whose response carries no body gets no problem, so there is none to describe.
            if (mapping.HasFixedStatus && ProblemStatus.CanHaveBody(mapping.StatusCode))
            {
                // A status that both a validation mapping and another mapping answer with is listed as a validation
                // problem: its shape only adds an optional member, so every problem at that status matches it.
                statuses[mapping.StatusCode] = mapping.ValidationErrors is not null || statuses.GetValueOrDefault(mapping.StatusCode);
                if (mapping.Code is { } code)
                {
                    AddCode(codes, mapping, code, options.ProblemTypeBaseUri);
                }
            }
        }

        return [.. statuses.Select(status => new DeclaredErrorResponse(
            status.Key,
            status.Value,
            codes.TryGetValue(status.Key, out var atStatus) ? [.. atStatus.Values] : []))];
    }

    // Types that share a code share its entry; the first one read gives its title and type.
    private static void AddCode(Dictionary<int, SortedDictionary<string, DeclaredErrorCode>> codes, ExceptionMapping mapping, string code, Uri? baseUri)
    {
        if (!codes.TryGetValue(mapping.StatusCode, out var atStatus))
        {
            codes[mapping.StatusCode] = atStatus = new SortedDictionary<string, DeclaredErrorCode>(StringComparer.Ordinal);
        }

        if (!atStatus.ContainsKey(code))
        {
            var (defaultType, defaultTitle) = ProblemTypeDefaults.For(mapping.StatusCode);
            atStatus[code] = new DeclaredErrorCode(code, mapping.Title ?? defaultTitle, ErrorCodeRules.TypeOf(mapping, baseUri) ?? defaultType);
        }
    }
}
