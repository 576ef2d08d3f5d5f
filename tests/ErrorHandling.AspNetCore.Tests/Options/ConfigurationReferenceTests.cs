using System.Reflection;
using System.Text.RegularExpressions;

namespace ErrorHandling.AspNetCore.Tests.Options;

/// <summary>
/// The options table of <c>docs/configuration.md</c> lists every public property of
/// <see cref="GlobalErrorHandlerOptions"/>, and nothing else, so the reference cannot drift from the class.
/// </summary>
public sealed partial class ConfigurationReferenceTests
{
    private const string Page = "docs/configuration.md";
    private const string TableHeading = "## Options";

    [Fact]
    public void OptionsTable_EveryPublicProperty_HasARow()
    {
        var documented = DocumentedOptions();

        var missing = PublicProperties().Where(name => !documented.Contains(name)).ToList();

        Assert.True(missing.Count == 0, $"{Page} has no row under '{TableHeading}' for: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void OptionsTable_EveryRow_NamesAPublicProperty()
    {
        var properties = PublicProperties().ToHashSet(StringComparer.Ordinal);

        var unknown = DocumentedOptions().Where(name => !properties.Contains(name)).ToList();

        Assert.True(unknown.Count == 0, $"{Page} documents options that {nameof(GlobalErrorHandlerOptions)} does not have: {string.Join(", ", unknown)}.");
    }

    [Fact]
    public void Page_EveryBindableOption_ShowsItsEnvironmentVariable()
    {
        var page = File.ReadAllText(RepositoryRoot.PathOf(Page));

        var missing = GlobalErrorHandlerOptions.BindableNames
            .Where(name => !page.Contains($"{GlobalErrorHandlerOptions.SectionName}__{name}", StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, $"{Page} shows no environment variable for: {string.Join(", ", missing)}.");
    }

    private static IEnumerable<string> PublicProperties() =>
        typeof(GlobalErrorHandlerOptions)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(static property => property.Name)
            .Order(StringComparer.Ordinal);

    // The first cell of each row of the table under the heading, when it is one identifier in backticks.
    private static HashSet<string> DocumentedOptions()
    {
        var lines = File.ReadAllLines(RepositoryRoot.PathOf(Page));
        var start = Array.IndexOf(lines, TableHeading);
        Assert.True(start >= 0, $"{Page} has no '{TableHeading}' heading.");

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(static line => !line.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (OptionRow().Match(line) is { Success: true } row)
            {
                names.Add(row.Groups["name"].Value);
            }
        }

        return names;
    }

    [GeneratedRegex(@"^\|\s*`(?<name>[A-Za-z]+)`\s*\|")]
    private static partial Regex OptionRow();
}
