namespace ErrorHandling.AspNetCore;

/// <summary>
/// The qualities an <c>Accept</c> header gives <c>text/html</c>, <c>application/json</c> and
/// <c>application/problem+json</c>, each from the most specific media range that matches it
/// (exact type, then <c>type/*</c>, then <c>*/*</c>), and the best quality of the ranges that match neither JSON
/// type (<c>application/problem+xml</c>, <c>text/*</c>), in thousandths.
/// </summary>
internal struct MediaPreferences
{
    private const int Any = 1;
    private const int AnySubtype = 2;
    private const int Exact = 3;

    private int _htmlSpecificity;
    private int _htmlQuality;
    private int _jsonSpecificity;
    private int _jsonQuality;
    private int _problemJsonSpecificity;
    private int _problemJsonQuality;
    private int _otherQuality;

    /// <summary>Gets whether <c>text/html</c> is preferred over both JSON types; a tie is not a preference.</summary>
    public readonly bool PrefersHtml => _htmlQuality > Math.Max(_jsonQuality, _problemJsonQuality);

    /// <summary>Gets whether a range that matches neither JSON type is preferred over both; a tie is not a preference.</summary>
    public readonly bool PrefersOtherThanJson => _otherQuality > Math.Max(_jsonQuality, _problemJsonQuality);

    /// <summary>Records one media range of the header with its quality.</summary>
    public void Add(ReadOnlySpan<char> type, ReadOnlySpan<char> subtype, int quality)
    {
        var matchesJson = type is "*"
            || (type.Equals("application", StringComparison.OrdinalIgnoreCase)
                && (subtype is "*" || subtype.Equals("json", StringComparison.OrdinalIgnoreCase) || subtype.Equals("problem+json", StringComparison.OrdinalIgnoreCase)));
        if (!matchesJson)
        {
            _otherQuality = Math.Max(_otherQuality, quality);
        }

        if (type is "*")
        {
            if (subtype is "*")
            {
                Offer(ref _htmlSpecificity, ref _htmlQuality, Any, quality);
                Offer(ref _jsonSpecificity, ref _jsonQuality, Any, quality);
                Offer(ref _problemJsonSpecificity, ref _problemJsonQuality, Any, quality);
            }
        }
        else if (type.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            if (subtype is "*")
            {
                Offer(ref _htmlSpecificity, ref _htmlQuality, AnySubtype, quality);
            }
            else if (subtype.Equals("html", StringComparison.OrdinalIgnoreCase))
            {
                Offer(ref _htmlSpecificity, ref _htmlQuality, Exact, quality);
            }
        }
        else if (type.Equals("application", StringComparison.OrdinalIgnoreCase))
        {
            if (subtype is "*")
            {
                Offer(ref _jsonSpecificity, ref _jsonQuality, AnySubtype, quality);
                Offer(ref _problemJsonSpecificity, ref _problemJsonQuality, AnySubtype, quality);
            }
            else if (subtype.Equals("json", StringComparison.OrdinalIgnoreCase))
            {
                Offer(ref _jsonSpecificity, ref _jsonQuality, Exact, quality);
            }
            else if (subtype.Equals("problem+json", StringComparison.OrdinalIgnoreCase))
            {
                Offer(ref _problemJsonSpecificity, ref _problemJsonQuality, Exact, quality);
            }
        }
    }

    private static void Offer(ref int specificity, ref int quality, int offeredSpecificity, int offeredQuality)
    {
        if (offeredSpecificity > specificity)
        {
            specificity = offeredSpecificity;
            quality = offeredQuality;
        }
        else if (offeredSpecificity == specificity)
        {
            // The same range twice with different weights is ambiguous; the friendlier weight wins.
            quality = Math.Max(quality, offeredQuality);
        }
    }
}
