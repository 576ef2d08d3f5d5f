using System.Buffers;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The names whose values are redacted, for query parameters and headers alike. An entry with a <c>*</c> is a
/// pattern, matched as <see cref="NamePatternSet"/> says (<c>X-Tenant-*</c>). Any other entry is a word, or words
/// (<c>secret</c>, <c>api_key</c>), matched against the words of a name: a name is split into segments at every
/// character that is no letter or digit (<c>-</c>, <c>_</c>, <c>.</c>, brackets), where a lower-case letter is
/// followed by an upper-case one (<c>clientSecret</c>), before the last capital of a run followed by a lower-case
/// letter (<c>XAuthToken</c>) and between letters and digits (<c>token2</c>). The name matches when one or more
/// whole segments spell the entry, ignoring case and separators (<c>secret</c> matches <c>client_secret</c>;
/// <c>api_key</c> matches <c>X-Api_Key</c>, <c>apiKey</c> and <c>x-apikey</c>), or when a segment ends with an
/// entry of at least <see cref="MinimumSuffixLength"/> letters (<c>token</c> matches <c>refreshtoken</c>).
/// </summary>
internal sealed class RedactedNameSet
{
    /// <summary>
    /// The shortest entry that also matches at the end of a longer segment: a shorter one there is usually another
    /// word (<c>key</c> in <c>monkey</c>, <c>code</c> in <c>barcode</c>, <c>auth</c> in <c>author</c>).
    /// </summary>
    public const int MinimumSuffixLength = 5;

    private const int StackLimit = 128;

    // The kinds of character that segment a name.
    private const int Separator = 0;
    private const int Lower = 1;
    private const int Upper = 2;
    private const int Digit = 3;

    private readonly NamePatternSet _patterns;
    private readonly string[] _words;

    public RedactedNameSet(IEnumerable<string> entries)
    {
        var patterns = new List<string>();
        var words = new List<string>();
        foreach (var entry in entries)
        {
            if (entry.Contains('*', StringComparison.Ordinal))
            {
                patterns.Add(entry);
            }
            else if (WordOf(entry) is { Length: > 0 } word)
            {
                words.Add(word);
            }
        }

        _patterns = new NamePatternSet(patterns);
        _words = [.. words.Distinct(StringComparer.Ordinal)];
    }

    public bool IsEmpty => _patterns.IsEmpty && _words.Length == 0;

    public bool Matches(string name) => Matches(name.AsSpan());

    public bool Matches(ReadOnlySpan<char> name)
    {
        if (_patterns.Matches(name))
        {
            return true;
        }

        if (_words.Length == 0 || name.IsEmpty)
        {
            return false;
        }

        char[]? rentedLetters = null;
        bool[]? rentedStarts = null;
        var letters = name.Length <= StackLimit ? stackalloc char[StackLimit] : (rentedLetters = ArrayPool<char>.Shared.Rent(name.Length));
        var starts = name.Length <= StackLimit ? stackalloc bool[StackLimit] : (rentedStarts = ArrayPool<bool>.Shared.Rent(name.Length));
        try
        {
            var length = Segment(name, letters, starts);
            return MatchesAnyWord(letters[..length], starts[..length]);
        }
        finally
        {
            if (rentedLetters is not null)
            {
                ArrayPool<char>.Shared.Return(rentedLetters);
                ArrayPool<bool>.Shared.Return(rentedStarts!);
            }
        }
    }

    private bool MatchesAnyWord(ReadOnlySpan<char> letters, ReadOnlySpan<bool> starts)
    {
        foreach (var word in _words)
        {
            var from = 0;
            while (from < letters.Length && letters[from..].IndexOf(word, StringComparison.Ordinal) is var found and >= 0)
            {
                var at = from + found;
                var end = at + word.Length;
                var endsASegment = end == letters.Length || starts[end];
                if (endsASegment && (starts[at] || word.Length >= MinimumSuffixLength))
                {
                    return true;
                }

                from = at + 1;
            }
        }

        return false;
    }

    // Writes the name's letters and digits, lower-cased, into letters, and marks in starts where each segment begins.
    private static int Segment(ReadOnlySpan<char> name, Span<char> letters, Span<bool> starts)
    {
        var length = 0;
        var previous = Separator;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var kind = KindOf(c);
            if (kind == Separator)
            {
                previous = Separator;
                continue;
            }

            var nextIsLower = i + 1 < name.Length && KindOf(name[i + 1]) == Lower;
            starts[length] = previous == Separator
                || (kind == Digit) != (previous == Digit)
                || (kind == Upper && previous == Lower)
                || (kind == Upper && previous == Upper && nextIsLower);
            letters[length++] = char.ToLowerInvariant(c);
            previous = kind;
        }

        return length;
    }

    private static string WordOf(string entry) =>
        new([.. entry.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static int KindOf(char c) =>
        char.IsUpper(c) ? Upper
        : char.IsLetter(c) ? Lower
        : char.IsDigit(c) ? Digit
        : Separator;
}
