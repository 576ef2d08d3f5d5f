namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>A file snippet markers name: its regions, or why it has none to offer.</summary>
/// <param name="Regions">The regions by name; empty when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the file cannot be used (missing, outside the repository, malformed regions), or null.</param>
public sealed record SnippetSourceFile(IReadOnlyDictionary<string, IReadOnlyList<string>> Regions, string? Problem)
{
    private static readonly Dictionary<string, IReadOnlyList<string>> NoRegions = [];

    /// <summary>Reads the file at <paramref name="relativePath"/> of <paramref name="documentation"/>'s repository.</summary>
    public static SnippetSourceFile Read(DocumentationSet documentation, string relativePath)
    {
        var fullPath = documentation.FullPath(relativePath);
        if (documentation.RelativePath(fullPath).StartsWith("..", StringComparison.Ordinal))
        {
            return new(NoRegions, "the path leaves the repository.");
        }

        if (!File.Exists(fullPath))
        {
            return new(NoRegions, "no such file.");
        }

        try
        {
            return new(SnippetRegions.Read(File.ReadAllText(fullPath)), null);
        }
        catch (FormatException e)
        {
            return new(NoRegions, e.Message);
        }
    }
}
