namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>Lines compared as a reader sees them: no trailing whitespace, no indentation they all share.</summary>
public static class Indentation
{
    /// <summary>
    /// Returns <paramref name="lines"/> without trailing whitespace and without the leading whitespace every
    /// non-blank line shares; blank lines become empty.
    /// </summary>
    public static IReadOnlyList<string> RemoveCommon(IEnumerable<string> lines)
    {
        var trimmed = lines.Select(static line => line.TrimEnd()).ToList();
        var common = trimmed
            .Where(static line => line.Length > 0)
            .Select(static line => line.Length - line.TrimStart().Length)
            .DefaultIfEmpty(0)
            .Min();

        return trimmed.Select(line => line.Length == 0 ? line : line[common..]).ToList();
    }
}
