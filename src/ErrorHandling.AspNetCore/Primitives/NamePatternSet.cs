using System.Collections.Frozen;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Matches header or query parameter names case-insensitively against a list of patterns: a plain name matches
/// itself, <c>X-Tenant-*</c> matches names that start with <c>X-Tenant-</c>, <c>*-Token</c> names that end with
/// <c>-Token</c>, <c>*Token*</c> names that contain <c>Token</c>, and a bare <c>*</c> matches everything.
/// </summary>
internal sealed class NamePatternSet
{
    private readonly FrozenSet<string> _exact;
    private readonly string[] _prefixes;
    private readonly string[] _suffixes;
    private readonly string[] _infixes;

    public NamePatternSet(IEnumerable<string> names)
    {
        var exact = new List<string>();
        var prefixes = new List<string>();
        var suffixes = new List<string>();
        var infixes = new List<string>();
        foreach (var name in names)
        {
            var (leading, trailing) = (name.StartsWith('*'), name.EndsWith('*'));
            if (name == "*")
            {
                prefixes.Add(string.Empty);
            }
            else if (leading && trailing)
            {
                infixes.Add(name[1..^1]);
            }
            else if (leading)
            {
                suffixes.Add(name[1..]);
            }
            else if (trailing)
            {
                prefixes.Add(name[..^1]);
            }
            else
            {
                exact.Add(name);
            }
        }

        _exact = exact.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _prefixes = Distinct(prefixes);
        _suffixes = Distinct(suffixes);
        _infixes = Distinct(infixes);
    }

    public bool IsEmpty => _exact.Count == 0 && _prefixes.Length == 0 && _suffixes.Length == 0 && _infixes.Length == 0;

    public bool Matches(string name) => Matches(name.AsSpan());

    public bool Matches(ReadOnlySpan<char> name)
    {
        if (_exact.Count != 0 && _exact.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
        {
            return true;
        }

        foreach (var prefix in _prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var suffix in _suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var infix in _infixes)
        {
            if (name.Contains(infix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Distinct(List<string> patterns) => [.. patterns.Distinct(StringComparer.OrdinalIgnoreCase)];
}
