using System.Globalization;
using System.Text;

namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>The anchors GitHub gives a page's headings, in order, duplicates numbered <c>-1</c>, <c>-2</c>, ….</summary>
public sealed class GitHubSlugs
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>The anchors given so far.</summary>
    public IReadOnlySet<string> Taken => _taken;

    /// <summary>Gives the next heading, with plain text <paramref name="headingText"/>, its anchor and returns it.</summary>
    public string Add(string headingText)
    {
        var slug = Slug(headingText);
        var anchor = slug;
        for (var n = 1; !_taken.Add(anchor); n++)
        {
            anchor = $"{slug}-{n}";
        }

        return anchor;
    }

    /// <summary>
    /// GitHub's slug of a heading's plain text: lowercase, each space a <c>-</c>, and every character that is not a
    /// letter, digit, mark, <c>-</c> or <c>_</c> dropped.
    /// </summary>
    public static string Slug(string headingText)
    {
        var builder = new StringBuilder(headingText.Length);
        foreach (var c in headingText.ToLowerInvariant())
        {
            if (c == ' ')
            {
                builder.Append('-');
            }
            else if (c is '-' or '_' || char.IsLetterOrDigit(c) || IsMark(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
