namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>
/// Checks that every C# block has a snippet marker just above it, that the marker's file and region exist, and that
/// the block is the region's text (common indentation removed, trailing whitespace ignored).
/// </summary>
public static class SnippetCheck
{
    /// <summary>Returns one message per block that fails, naming the page, the line and the expected text.</summary>
    public static IReadOnlyList<string> Run(DocumentationSet documentation)
    {
        var problems = new List<string>();
        var sources = new Dictionary<string, SnippetSourceFile>(StringComparer.Ordinal);

        foreach (var page in documentation.Pages)
        {
            foreach (var block in page.CodeBlocks.Where(static block => block.IsCSharp))
            {
                var where = $"{page.Path}:{block.Line}";
                if (!SnippetMarker.TryParse(block.LineBefore, out var marker))
                {
                    problems.Add($"{where}: the C# block has no '<!-- snippet: path#region -->' line just above it.");
                    continue;
                }

                if (!sources.TryGetValue(marker.Path, out var source))
                {
                    source = SnippetSourceFile.Read(documentation, marker.Path);
                    sources.Add(marker.Path, source);
                }

                if (source.Problem is not null)
                {
                    problems.Add($"{where}: {marker}: {source.Problem}");
                }
                else if (!source.Regions.TryGetValue(marker.Region, out var expected))
                {
                    problems.Add($"{where}: {marker.Path} has no region '{marker.Region}' (regions: {string.Join(", ", source.Regions.Keys)}).");
                }
                else
                {
                    var actual = Indentation.RemoveCommon(block.Lines);
                    if (!actual.SequenceEqual(expected, StringComparer.Ordinal))
                    {
                        problems.Add($"{where}: the C# block differs from {marker}. Expected:\n{string.Join('\n', expected)}");
                    }
                }
            }
        }

        return problems;
    }
}
