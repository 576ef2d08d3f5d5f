using Microsoft.AspNetCore.Http;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The error responses the handler can answer any request with, as the <c>ErrorHandling.AspNetCore.OpenApi</c>
/// package declares them on every operation of the document: the 500 of an unmapped exception, and the status of
/// every mapping whose status is fixed when it is configured (<c>Map&lt;T&gt;(status)</c>, predicate mappings,
/// <c>StatusCodes</c>, <c>MapValidation</c>).
/// </summary>
/// <remarks>
/// A status that only the exception knows (a <see cref="BadHttpRequestException"/> keeps its own) cannot be
/// declared, nor can the 499 of a client that went away, which gets no response. A mapping whose status is chosen
/// per exception must be left out here for the same reason; a validation mapping's status must be reported with
/// <c>IsValidation</c> set, so that its schema is the framework's <c>HttpValidationProblemDetails</c>.
/// </remarks>
internal static class DeclaredErrorResponses
{
    /// <summary>
    /// Gets the distinct statuses the handler can answer with, in ascending order, each with whether a mapping
    /// answers with a validation problem at that status (an <c>errors</c> member besides the problem details).
    /// </summary>
    /// <param name="options">The handler's options, configured.</param>
    /// <returns>The statuses, 500 always among them.</returns>
    public static IReadOnlyList<(int StatusCode, bool IsValidation)> GetStatuses(GlobalErrorHandlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The mappings in force, as the classifier sees them: a configured type that does not resolve is never
        // matched, and a mapping in code replaces the configured status of the same type.
        var statuses = new SortedDictionary<int, bool> { [StatusCodes.Status500InternalServerError] = false };
        foreach (var mapping in options.ResolveTypeMappings().Values.Concat(options.PredicateMappings.Select(static p => p.Mapping)))
        {
            if (mapping.HasFixedStatus)
            {
                Add(statuses, mapping.StatusCode, isValidation: mapping.ValidationErrors is not null);
            }
        }

        return [.. statuses.Select(static status => (status.Key, status.Value))];
    }

    // A status that both a validation mapping and another mapping answer with is declared as a validation
    // problem: its schema only adds an optional member, so every problem at that status matches it.
    private static void Add(SortedDictionary<int, bool> statuses, int statusCode, bool isValidation) =>
        statuses[statusCode] = isValidation || statuses.GetValueOrDefault(statusCode);
}
