namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>
/// Checks that every relative link and image resolves to a file or directory of the repository, and that every
/// <c>#anchor</c> (also in-page) names a heading of the target page by GitHub's slug rule.
/// </summary>
public static class LinkCheck
{
    /// <summary>Returns one message per link that does not resolve, naming the page and the line.</summary>
    public static IReadOnlyList<string> Run(DocumentationSet documentation)
    {
        var problems = new List<string>();
        var pages = documentation.Pages.ToDictionary(static page => page.Path, StringComparer.Ordinal);

        foreach (var page in documentation.Pages)
        {
            foreach (var link in page.Links.Where(static link => link.IsRelative))
            {
                var where = $"{page.Path}:{link.Line}: '{link.Url}'";
                var hash = link.Url.IndexOf('#', StringComparison.Ordinal);
                var target = Uri.UnescapeDataString(hash < 0 ? link.Url : link.Url[..hash]);
                var anchor = hash < 0 ? null : Uri.UnescapeDataString(link.Url[(hash + 1)..]);

                var targetPath = page.Path;
                if (target.Length > 0)
                {
                    var directory = Path.GetDirectoryName(page.Path) ?? "";
                    var fullPath = documentation.FullPath(Path.Combine(directory, target));
                    targetPath = documentation.RelativePath(fullPath);
                    if (targetPath.StartsWith("..", StringComparison.Ordinal) || (!File.Exists(fullPath) && !Directory.Exists(fullPath)))
                    {
                        problems.Add($"{where}: no such file in the repository.");
                        continue;
                    }
                }

                if (anchor is null)
                {
                    continue;
                }

                if (!targetPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{where}: an anchor into {targetPath}, which is not a Markdown page.");
                    continue;
                }

                var targetPage = pages.TryGetValue(targetPath, out var known)
                    ? known
                    : MarkdownPage.Parse(targetPath, File.ReadAllText(documentation.FullPath(targetPath)));
                if (!targetPage.Anchors.Contains(anchor))
                {
                    problems.Add($"{where}: {targetPath} has no heading with anchor '#{anchor}'.");
                }
            }
        }

        return problems;
    }
}
