namespace ErrorHandling.AspNetCore.Tests.Primitives;

public sealed class NamePatternSetTests
{
    private static readonly NamePatternSet Set = new(["Access-Control-*", "WWW-Authenticate"]);

    [Theory]
    [InlineData("Access-Control-Allow-Origin", true)]
    [InlineData("access-control-expose-headers", true)]
    [InlineData("WWW-Authenticate", true)]
    [InlineData("www-authenticate", true)]
    [InlineData("WWW-Authenticate-Extra", false)]
    [InlineData("Access-Contro", false)]
    [InlineData("X-Custom", false)]
    public void Matches_Name_ExactOrByPrefix(string name, bool expected) =>
        Assert.Equal(expected, Set.Matches(name));

    [Theory]
    [InlineData("X-Auth-Token", true)]
    [InlineData("x-refresh-token", true)]
    [InlineData("Token", true)]
    [InlineData("X-Tokenizer-Version", true)]
    [InlineData("X-Request-Id", false)]
    public void Matches_Infix_MatchesAnywhereInTheName(string name, bool expected) =>
        Assert.Equal(expected, new NamePatternSet(["*Token*"]).Matches(name));

    [Theory]
    [InlineData("X-Hub-Signature", true)]
    [InlineData("x-hub-signature", true)]
    [InlineData("X-Hub-Signature-256", false)]
    public void Matches_LeadingWildcard_MatchesBySuffix(string name, bool expected) =>
        Assert.Equal(expected, new NamePatternSet(["*-Signature"]).Matches(name));

    [Fact]
    public void Matches_BareWildcard_MatchesEverything() =>
        Assert.True(new NamePatternSet(["*"]).Matches("Anything"));

    [Fact]
    public void IsEmpty_NoNames_IsTrue() =>
        Assert.True(new NamePatternSet([]).IsEmpty);
}
