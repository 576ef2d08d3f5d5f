using System.Text.RegularExpressions;

namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>
/// The line <c>&lt;!-- snippet: path#region --&gt;</c> just above a C# block, naming the region it shows; the path is
/// relative to the repository's root.
/// </summary>
/// <param name="Path">The snippet source, relative to the repository's root, with <c>/</c> separators.</param>
/// <param name="Region">The region's name.</param>
public sealed partial record SnippetMarker(string Path, string Region)
{
    /// <summary>Reads a marker from <paramref name="line"/>; false when the line is not one.</summary>
    public static bool TryParse(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SnippetMarker? marker)
    {
        var match = MarkerLine().Match(line.Trim());
        marker = match.Success ? new SnippetMarker(match.Groups["path"].Value, match.Groups["region"].Value) : null;
        return marker is not null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Path}#{Region}";

    [GeneratedRegex(@"^<!-- snippet: (?<path>[^\s#]+)#(?<region>[a-z0-9-]+) -->$")]
    private static partial Regex MarkerLine();
}
