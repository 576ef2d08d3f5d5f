using System.Text.RegularExpressions;

namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>
/// Reads the regions of a snippet source: the lines between a <c>// &lt;name&gt;</c> line and its
/// <c>// &lt;/name&gt;</c> line, with their common indentation removed.
/// </summary>
public static partial class SnippetRegions
{
    /// <summary>Returns the regions of <paramref name="source"/> by name.</summary>
    /// <exception cref="FormatException">A region is nested, not closed, closed without being opened, or named twice.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string source)
    {
        var regions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        string? open = null;
        var openedAt = 0;
        var body = new List<string>();

        for (var i = 0; i < lines.Length; i++)
        {
            var match = MarkerLine().Match(lines[i].Trim());
            if (!match.Success)
            {
                if (open is not null)
                {
                    body.Add(lines[i]);
                }

                continue;
            }

            var name = match.Groups["name"].Value;
            var closes = match.Groups["close"].Success;
            var line = i + 1;
            if (!closes && open is not null)
            {
                throw new FormatException($"line {line}: region '{name}' opens inside region '{open}' (line {openedAt}); regions must not nest.");
            }

            if (!closes)
            {
                if (regions.ContainsKey(name))
                {
                    throw new FormatException($"line {line}: region '{name}' is defined twice.");
                }

                (open, openedAt) = (name, line);
                body.Clear();
            }
            else if (open != name)
            {
                throw new FormatException($"line {line}: '// </{name}>' closes no open region{(open is null ? "" : $" (open: '{open}', line {openedAt})")}.");
            }
            else
            {
                regions.Add(name, Indentation.RemoveCommon(body));
                open = null;
            }
        }

        if (open is not null)
        {
            throw new FormatException($"line {openedAt}: region '{open}' is never closed with '// </{open}>'.");
        }

        return regions;
    }

    [GeneratedRegex(@"^// <(?<close>/)?(?<name>[a-z0-9-]+)>$")]
    private static partial Regex MarkerLine();
}
