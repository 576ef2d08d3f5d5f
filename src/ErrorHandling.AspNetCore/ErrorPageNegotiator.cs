using Microsoft.Extensions.Primitives;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Decides from a request's <c>Accept</c> header whether an error response is an HTML page or
/// <c>application/problem+json</c>. HTML is chosen only when <c>text/html</c> gets a strictly higher quality
/// than both <c>application/json</c> and <c>application/problem+json</c>; each type's quality comes from the
/// most specific media range that matches it (<c>text/html</c> before <c>text/*</c> before <c>*/*</c>). A tie
/// (<c>*/*</c> alone), a missing header and a malformed one all mean JSON.
/// </summary>
/// <remarks>
/// The header is scanned in place, without allocating; a malformed element (a media range that is not
/// <c>type/subtype</c>, a quality that is not an RFC 9110 <c>qvalue</c>, an unterminated quoted string) makes
/// the whole header count as absent rather than guessing what the client meant.
/// </remarks>
internal static class ErrorPageNegotiator
{
    private const int Unmatched = -1;

    public static bool PrefersHtml(StringValues accept)
    {
        if (accept.Count == 0)
        {
            return false;
        }

        var preferences = default(MediaPreferences);
        foreach (var value in accept)
        {
            if (value is not null && !Scan(value, ref preferences))
            {
                return false;
            }
        }

        return preferences.PrefersHtml;
    }

    private static bool Scan(ReadOnlySpan<char> header, ref MediaPreferences preferences)
    {
        while (!header.IsEmpty)
        {
            var end = IndexOutsideQuotes(header, ',');
            if (end == Unmatched)
            {
                return false;
            }

            var element = Trim(header[..end]);
            header = end == header.Length ? [] : header[(end + 1)..];

            // RFC 9110 lets a list carry empty elements ("text/html, , */*").
            if (element.IsEmpty)
            {
                continue;
            }

            if (!TryParseElement(element, out var type, out var subtype, out var quality))
            {
                return false;
            }

            preferences.Add(type, subtype, quality);
        }

        return true;
    }

    private static bool TryParseElement(ReadOnlySpan<char> element, out ReadOnlySpan<char> type, out ReadOnlySpan<char> subtype, out int quality)
    {
        type = subtype = default;
        quality = 1000;

        var end = IndexOutsideQuotes(element, ';');
        if (end == Unmatched)
        {
            return false;
        }

        var range = Trim(element[..end]);
        var slash = range.IndexOf('/');
        if (slash <= 0 || slash == range.Length - 1)
        {
            return false;
        }

        type = range[..slash];
        subtype = range[(slash + 1)..];
        if (!IsToken(type) || !IsToken(subtype))
        {
            return false;
        }

        var parameters = end == element.Length ? [] : element[(end + 1)..];
        while (!parameters.IsEmpty)
        {
            end = IndexOutsideQuotes(parameters, ';');
            if (end == Unmatched)
            {
                return false;
            }

            var parameter = Trim(parameters[..end]);
            parameters = end == parameters.Length ? [] : parameters[(end + 1)..];

            var equals = parameter.IndexOf('=');
            if (equals > 0 && Trim(parameter[..equals]) is ['q' or 'Q'])
            {
                // Parameters after the weight are accept-extensions; the first q is the weight.
                return TryParseQuality(Trim(parameter[(equals + 1)..]), out quality);
            }
        }

        return true;
    }

    // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), kept in thousandths.
    private static bool TryParseQuality(ReadOnlySpan<char> text, out int quality)
    {
        quality = 0;
        if (text.IsEmpty || text.Length > 5 || text[0] is not ('0' or '1'))
        {
            return false;
        }

        var whole = text[0] - '0';
        var fraction = 0;
        if (text.Length > 1)
        {
            if (text[1] != '.')
            {
                return false;
            }

            var scale = 100;
            foreach (var digit in text[2..])
            {
                if (!char.IsAsciiDigit(digit))
                {
                    return false;
                }

                fraction += (digit - '0') * scale;
                scale /= 10;
            }
        }

        if (whole == 1 && fraction != 0)
        {
            return false;
        }

        quality = (whole * 1000) + fraction;
        return true;
    }

    private static int IndexOutsideQuotes(ReadOnlySpan<char> text, char separator)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                return i;
            }
        }

        return quoted ? Unmatched : text.Length;
    }

    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text) => text.Trim(" \t");

    private static bool IsToken(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "!#$%&'*+-.^_`|~".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
