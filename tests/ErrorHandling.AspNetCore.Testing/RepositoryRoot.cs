namespace ErrorHandling.AspNetCore.Testing;

/// <summary>Finds this repository's files from a test's output directory.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The directory that holds <c>ErrorHandling.sln</c>.</summary>
    public static string FullName => Root.Value;

    /// <summary>The full path of <paramref name="relativePath"/>, relative to the repository's root.</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root.Value, relativePath);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ErrorHandling.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ErrorHandling.sln above {AppContext.BaseDirectory}.");
    }
}
