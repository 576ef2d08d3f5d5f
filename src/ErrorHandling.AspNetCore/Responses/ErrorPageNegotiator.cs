using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Decides from a request's <c>Accept</c> header whether an error response is an HTML page or
/// <c>application/problem+json</c>. HTML is chosen only when <c>text/html</c> gets a strictly higher quality
/// than both <c>application/json</c> and <c>application/problem+json</c>; each type's quality comes from the
/// most specific media range that matches it (<c>text/html</c> before <c>text/*</c> before <c>*/*</c>). A tie
/// (<c>*/*</c> alone), a missing header and a malformed one all mean JSON.
/// </summary>
/// <remarks>
/// The header is parsed by the framework's <see cref="MediaTypeHeaderValue"/>; a malformed element, or a
/// quality that is not between 0 and 1, makes the whole header count as absent rather than guessing what the
/// client meant.
/// </remarks>
internal static class ErrorPageNegotiator
{
    private const string QualityParameter = "q";

    public static bool PrefersHtml(StringValues accept) => TryRead(accept, out var preferences) && preferences.PrefersHtml;

    /// <summary>
    /// Whether the request prefers a media type that is neither JSON type (<c>application/problem+xml</c>), by the
    /// same rules: a tie, a missing header and a malformed one mean JSON.
    /// </summary>
    public static bool PrefersOtherThanJson(StringValues accept) => TryRead(accept, out var preferences) && preferences.PrefersOtherThanJson;

    private static bool TryRead(StringValues accept, out MediaPreferences preferences)
    {
        preferences = default;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseStrictList(accept, out var ranges))
        {
            return false;
        }

        foreach (var range in ranges)
        {
            if (!TryGetQuality(range, out var quality))
            {
                return false;
            }

            preferences.Add(range.Type.AsSpan(), range.SubType.AsSpan(), quality);
        }

        return true;
    }

    // In thousandths. The parser reads any number as a quality; RFC 9110 allows only a qvalue,
    // ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), and anything else makes the header malformed.
    private static bool TryGetQuality(MediaTypeHeaderValue range, out int quality)
    {
        quality = 1000;
        if (NameValueHeaderValue.Find(range.Parameters, QualityParameter) is not { } parameter)
        {
            return true;
        }

        var text = parameter.Value.AsSpan();
        var isQValue = text is ['0'] or ['1']
            || (text.Length is >= 2 and <= 5 && text[1] == '.'
                && (text[0] == '0' ? !text[2..].ContainsAnyExceptInRange('0', '9') : text[0] == '1' && !text[2..].ContainsAnyExcept('0')));
        if (!isQValue || range.Quality is not { } value)
        {
            return false;
        }

        quality = (int)Math.Round(value * 1000);
        return true;
    }
}
