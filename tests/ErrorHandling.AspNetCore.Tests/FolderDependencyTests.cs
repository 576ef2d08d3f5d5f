using System.Text.RegularExpressions;

namespace ErrorHandling.AspNetCore.Tests;

/// <summary>
/// The folders of the core package are the stages of a failure, and each may use only the stages before it and
/// <c>Primitives/</c>; the files at the package's root compose the stages and may use them all. The tests of the
/// package sit in the folder of the stage they test, or in <c>Pipeline/</c> when they test the whole pipeline.
/// </summary>
public sealed partial class FolderDependencyTests
{
    // In the order a failure goes through them; Primitives is shared by all and uses none.
    private static readonly string[] Stages = ["Primitives", "Options", "Classification", "Problems", "Redaction", "Reporting", "Responses"];

    // Beside the stages' folders: the tests of the whole pipeline, and the helpers several folders share.
    private static readonly string[] TestOnlyFolders = ["Pipeline", "Infrastructure"];

    [Fact]
    public void EveryStage_UsesOnlyEarlierStagesAndPrimitives()
    {
        var package = RepositoryRoot.PathOf(Path.Combine("src", "ErrorHandling.AspNetCore"));
        var folderOfType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stage in Stages)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(package, stage), "*.cs"))
            {
                // One type a file; a partial type's other files are named Type.Part.cs.
                folderOfType[Path.GetFileName(file).Split('.')[0]] = stage;
            }
        }

        var violations = new List<string>();
        for (var i = 0; i < Stages.Length; i++)
        {
            var allowed = i == 0 ? new HashSet<string> { Stages[0] } : new HashSet<string>(Stages[..(i + 1)]);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(package, Stages[i]), "*.cs"))
            {
                var code = Comments().Replace(File.ReadAllText(file), string.Empty);
                foreach (var name in Identifiers().Matches(code).Select(static m => m.Value).Distinct())
                {
                    if (folderOfType.TryGetValue(name, out var folder) && !allowed.Contains(folder))
                    {
                        violations.Add($"{Stages[i]}/{Path.GetFileName(file)} uses {folder}/{name}");
                    }
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void EveryFolderOfThePackage_IsAKnownStage()
    {
        var package = RepositoryRoot.PathOf(Path.Combine("src", "ErrorHandling.AspNetCore"));
        var folders = Directory.EnumerateDirectories(package)
            .Select(Path.GetFileName)
            .Where(static name => name is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Stages.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void EveryFolderOfTheTests_IsAStageOrPipelineOrInfrastructure()
    {
        var tests = RepositoryRoot.PathOf(Path.Combine("tests", "ErrorHandling.AspNetCore.Tests"));
        var strays = Directory.EnumerateDirectories(tests)
            .Select(Path.GetFileName)
            .Where(static name => name is not ("bin" or "obj") && !Stages.Contains(name) && !TestOnlyFolders.Contains(name))
            .Order(StringComparer.Ordinal);

        Assert.Empty(strays);
    }

    [Fact]
    public void EveryFileOfTheTests_HasTheNamespaceOfItsFolder()
    {
        var tests = RepositoryRoot.PathOf(Path.Combine("tests", "ErrorHandling.AspNetCore.Tests"));
        var misplaced = new List<string>();
        foreach (var folder in Stages.Concat(TestOnlyFolders).Where(name => Directory.Exists(Path.Combine(tests, name))))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(tests, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (!File.ReadAllText(file).Contains($"namespace ErrorHandling.AspNetCore.Tests.{folder};", StringComparison.Ordinal))
                {
                    misplaced.Add(Path.GetRelativePath(tests, file));
                }
            }
        }

        Assert.Empty(misplaced);
    }

    // XML docs may name any type (a cref to the option that configures a stage, say); only code is a dependency.
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*\b")]
    private static partial Regex Identifiers();
}
