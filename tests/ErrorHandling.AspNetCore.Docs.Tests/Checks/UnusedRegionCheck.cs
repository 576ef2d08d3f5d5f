namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>Checks that every region of the C# files under <c>docs/snippets</c> is shown by at least one block.</summary>
public static class UnusedRegionCheck
{
    /// <summary>Returns one message per region no snippet marker names.</summary>
    public static IReadOnlyList<string> Run(DocumentationSet documentation)
    {
        var used = documentation.Pages
            .SelectMany(static page => page.CodeBlocks)
            .Select(static block => SnippetMarker.TryParse(block.LineBefore, out var marker) ? marker.ToString() : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var snippets = documentation.FullPath("docs/snippets");
        if (!Directory.Exists(snippets))
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(snippets, "*.cs", SearchOption.AllDirectories)
                     .Where(static file => !DocumentationSet.IsBuildOutput(file))
                     .Order(StringComparer.Ordinal))
        {
            var path = documentation.RelativePath(file);
            var source = SnippetSourceFile.Read(documentation, path);
            if (source.Problem is not null)
            {
                problems.Add($"{path}: {source.Problem}");
                continue;
            }

            problems.AddRange(source.Regions.Keys
                .Where(region => !used.Contains($"{path}#{region}"))
                .Select(region => $"{path}: region '{region}' is shown by no block of the documentation."));
        }

        return problems;
    }
}
