namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>A link or image of a Markdown page.</summary>
/// <param name="Url">The destination as written.</param>
/// <param name="Line">The 1-based line it is on.</param>
public sealed record MarkdownLink(string Url, int Line)
{
    /// <summary>Whether the destination is in this repository: no scheme (<c>https:</c>, <c>mailto:</c>) and not protocol-relative.</summary>
    public bool IsRelative => !Url.StartsWith("//", StringComparison.Ordinal) && !Url.Contains(':', StringComparison.Ordinal);
}
