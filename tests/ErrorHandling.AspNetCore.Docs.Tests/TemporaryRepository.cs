namespace ErrorHandling.AspNetCore.Docs.Tests;

/// <summary>A throwaway repository directory for feeding the checks small, deliberately wrong inputs.</summary>
public sealed class TemporaryRepository : IDisposable
{
    /// <summary>Creates an empty directory under the system's temporary directory.</summary>
    public TemporaryRepository() => Directory.CreateDirectory(Root);

    /// <summary>The repository's root directory.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "docs-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/>, creating its directories.</summary>
    public TemporaryRepository With(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Root, recursive: true);
}
