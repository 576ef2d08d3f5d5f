using System.Text;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Replaces the values of sensitive query parameters with <c>***</c>, leaving the rest of the raw
/// query string as it was received.
/// </summary>
internal sealed class QueryStringRedactor(RedactedNameSet redactedNames)
{
    public const string Mask = "***";

    /// <summary>
    /// Returns <paramref name="query"/> (with or without its leading <c>?</c>) with redacted values,
    /// or <see cref="string.Empty"/> when there is no query. Returns the same instance when nothing
    /// needs redacting.
    /// </summary>
    public string Redact(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        if (redactedNames.IsEmpty)
        {
            return query;
        }

        StringBuilder? builder = null;
        var copied = 0;
        var start = query[0] == '?' ? 1 : 0;
        while (start < query.Length)
        {
            var end = query.IndexOf('&', start);
            if (end < 0)
            {
                end = query.Length;
            }

            var equals = query.IndexOf('=', start, end - start);
            if (equals >= 0 && IsRedacted(query.AsSpan(start, equals - start)))
            {
                builder ??= new StringBuilder(query.Length);
                builder.Append(query, copied, equals + 1 - copied).Append(Mask);
                copied = end;
            }

            start = end + 1;
        }

        if (builder is null)
        {
            return query;
        }

        builder.Append(query, copied, query.Length - copied);
        return builder.ToString();
    }

    private bool IsRedacted(ReadOnlySpan<char> encodedName)
    {
        if (!encodedName.ContainsAny('%', '+'))
        {
            return redactedNames.Matches(encodedName);
        }

        // Compare the decoded name, so "pass%77ord" or "api+key" cannot slip past the list.
        var decoded = Uri.UnescapeDataString(encodedName.ToString().Replace('+', ' '));
        return redactedNames.Matches(decoded);
    }
}
