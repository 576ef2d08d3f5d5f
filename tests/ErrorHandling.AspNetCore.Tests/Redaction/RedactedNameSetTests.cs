namespace ErrorHandling.AspNetCore.Tests.Redaction;

public sealed class RedactedNameSetTests
{
    private static readonly RedactedNameSet Defaults = new(new GlobalErrorHandlerOptions().RedactedHeaders);

    [Theory]
    [InlineData("client_secret", "secret", true)]
    [InlineData("clientSecret", "secret", true)]
    [InlineData("X-Api_Key", "api_key", true)]
    [InlineData("x-apikey", "api-key", true)]
    [InlineData("APIKey", "api_key", true)]
    [InlineData("XAuthToken", "auth", true)]
    [InlineData("token2", "token", true)]
    [InlineData("refreshtoken", "token", true)]
    [InlineData("tokenizer", "token", false)]
    [InlineData("monkey", "key", false)]
    [InlineData("keyword", "key", false)]
    [InlineData("author", "auth", false)]
    [InlineData("secretary", "secret", false)]
    public void Matches_Word_ByWholeSegmentsOrAtTheEndOfALongEnoughOne(string name, string entry, bool expected) =>
        Assert.Equal(expected, new RedactedNameSet([entry]).Matches(name));

    [Theory]
    [InlineData("X-Tenant-Id", true)]
    [InlineData("x-tenant-secret", true)]
    [InlineData("X-Tenant", false)]
    public void Matches_Pattern_AsNamePatternSetDoes(string name, bool expected) =>
        Assert.Equal(expected, new RedactedNameSet(["X-Tenant-*"]).Matches(name));

    [Theory]
    [InlineData("X-Request-Id", false)]
    [InlineData("Accept", false)]
    [InlineData("User-Agent", false)]
    [InlineData("X-Author", false)]
    [InlineData("Authorization", true)]
    [InlineData("DPoP", true)]
    [InlineData("Ocp-Apim-Subscription-Key", true)]
    public void Matches_DefaultHeaders_RedactsCredentialsOnly(string name, bool expected) =>
        Assert.Equal(expected, Defaults.Matches(name));

    [Fact]
    public void Matches_NameLongerThanTheStackBuffer_IsSegmentedToo() =>
        Assert.True(Defaults.Matches(new string('x', 300) + "-Token"));

    [Fact]
    public void IsEmpty_NoEntries_IsTrue() =>
        Assert.True(new RedactedNameSet([]).IsEmpty);
}
