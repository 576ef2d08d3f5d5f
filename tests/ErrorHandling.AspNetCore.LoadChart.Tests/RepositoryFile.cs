namespace ErrorHandling.AspNetCore.LoadChart.Tests;

/// <summary>Finds files of this repository from the test's output directory.</summary>
internal static class RepositoryFile
{
    public static string PathOf(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ErrorHandling.sln")))
            {
                return Path.Combine(directory.FullName, relativePath);
            }
        }

        throw new InvalidOperationException($"no ErrorHandling.sln above {AppContext.BaseDirectory}.");
    }
}
