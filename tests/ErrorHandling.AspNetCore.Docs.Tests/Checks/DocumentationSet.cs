namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>
/// The documentation of a repository: <c>README.md</c>, every page under <c>docs/</c> and each package's
/// <c>src/&lt;Package&gt;/README.md</c>.
/// </summary>
public sealed class DocumentationSet
{
    private DocumentationSet(string root, IReadOnlyList<MarkdownPage> pages)
    {
        Root = root;
        Pages = pages;
    }

    /// <summary>The repository's root directory.</summary>
    public string Root { get; }

    /// <summary>The Markdown pages, by path.</summary>
    public IReadOnlyList<MarkdownPage> Pages { get; }

    /// <summary>The full path of <paramref name="relativePath"/> (with <c>/</c> separators), relative to <see cref="Root"/>.</summary>
    public string FullPath(string relativePath) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, relativePath));

    /// <summary>The path of <paramref name="fullPath"/> relative to <see cref="Root"/>, with <c>/</c> separators.</summary>
    public string RelativePath(string fullPath) => System.IO.Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    /// <summary>Reads the documentation of the repository at <paramref name="root"/>.</summary>
    public static DocumentationSet Load(string root)
    {
        var files = new List<string>();
        Add(files, System.IO.Path.Combine(root, "README.md"));

        var docs = System.IO.Path.Combine(root, "docs");
        if (Directory.Exists(docs))
        {
            files.AddRange(Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).Where(static path => !IsBuildOutput(path)));
        }

        var src = System.IO.Path.Combine(root, "src");
        if (Directory.Exists(src))
        {
            foreach (var package in Directory.EnumerateDirectories(src))
            {
                Add(files, System.IO.Path.Combine(package, "README.md"));
            }
        }

        var set = new DocumentationSet(System.IO.Path.GetFullPath(root), []);
        var pages = files
            .Select(file => MarkdownPage.Parse(set.RelativePath(System.IO.Path.GetFullPath(file)), File.ReadAllText(file)))
            .OrderBy(static page => page.Path, StringComparer.Ordinal)
            .ToList();
        return new DocumentationSet(set.Root, pages);

        static void Add(List<string> files, string path)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
        }
    }

    /// <summary>Whether <paramref name="path"/> is inside a <c>bin</c> or <c>obj</c> directory.</summary>
    public static bool IsBuildOutput(string path) =>
        path.Replace('\\', '/').Split('/').Any(static part => part is "bin" or "obj");
}
