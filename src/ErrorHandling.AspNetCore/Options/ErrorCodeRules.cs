using System.Buffers;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// What an error code may be, and the problem type URI it names under <see cref="GlobalErrorHandlerOptions.ProblemTypeBaseUri"/>:
/// the one home of both rules, read by the validator, the problem builder and the catalog alike.
/// </summary>
internal static class ErrorCodeRules
{
    /// <summary>The extension member that carries the code in the problem details.</summary>
    public const string ExtensionKey = "code";

    /// <summary>The longest code accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>The rule as the start-up failure states it.</summary>
    public const string Description = "a code is 1–64 characters of A–Z, a–z, 0–9, '.', '_' and '-'";

    // Characters that need no escaping anywhere a code travels: a URI path segment, a header, a log property.
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    public static bool IsValid(string? code) =>
        code is { Length: > 0 and <= MaxLength } && !code.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>Whether <paramref name="baseUri"/> can be joined with a code: an absolute http or https URI without a query or a fragment.</summary>
    public static bool IsValidBase(Uri baseUri) =>
        baseUri.IsAbsoluteUri
        && (baseUri.Scheme == Uri.UriSchemeHttp || baseUri.Scheme == Uri.UriSchemeHttps)
        && baseUri.Query.Length == 0
        && baseUri.Fragment.Length == 0;

    /// <summary>The base URI joined with the code by exactly one <c>/</c>.</summary>
    public static string TypeOf(Uri baseUri, string code)
    {
        var text = baseUri.AbsoluteUri;
        return text.EndsWith('/') ? text + code : text + "/" + code;
    }

    /// <summary>
    /// The <c>type</c> of the problems a mapping writes: its own <see cref="ExceptionMapping.Type"/>, else the base
    /// URI joined with its code, else <see langword="null"/> (the framework's type for the status).
    /// </summary>
    public static string? TypeOf(ExceptionMapping mapping, Uri? baseUri) =>
        mapping.Type ?? (mapping.Code is { } code && baseUri is not null ? TypeOf(baseUri, code) : null);
}
