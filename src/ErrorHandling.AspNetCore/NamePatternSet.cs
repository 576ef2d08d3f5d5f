using System.Collections.Frozen;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Matches header or query parameter names case-insensitively against a list in which a name ending in
/// <c>*</c> matches as a prefix, and a bare <c>*</c> matches everything.
/// </summary>
internal sealed class NamePatternSet
{
    private readonly FrozenSet<string> _exact;
    private readonly string[] _prefixes;

    public NamePatternSet(IEnumerable<string> names)
    {
        var exact = new List<string>();
        var prefixes = new List<string>();
        foreach (var name in names)
        {
            if (name.EndsWith('*'))
            {
                prefixes.Add(name[..^1]);
            }
            else
            {
                exact.Add(name);
            }
        }

        _exact = exact.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _prefixes = [.. prefixes.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public bool IsEmpty => _exact.Count == 0 && _prefixes.Length == 0;

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

        return false;
    }
}
