namespace ErrorHandling.AspNetCore.Tests.Redaction;

public sealed class QueryStringRedactorTests
{
    private static readonly QueryStringRedactor Redactor =
        new(new RedactedNameSet(new GlobalErrorHandlerOptions().RedactedQueryParameters));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("?page=2", "?page=2")]
    [InlineData("?token=abc", "?token=***")]
    [InlineData("?TOKEN=abc&page=2", "?TOKEN=***&page=2")]
    [InlineData("?page=2&access_token=abc&sort=asc", "?page=2&access_token=***&sort=asc")]
    [InlineData("?pass%77ord=hunter2", "?pass%77ord=***")]
    [InlineData("?api+key=1&apikey=2", "?api+key=***&apikey=***")]
    [InlineData("?token", "?token")]
    [InlineData("?token=", "?token=***")]
    [InlineData("?a=1&&token=x&", "?a=1&&token=***&")]
    [InlineData("?key=a&key=b", "?key=***&key=***")]
    [InlineData("?client%5Fsecret=a&user%5Bpassword%5D=b", "?client%5Fsecret=***&user%5Bpassword%5D=***")]
    public void Redact_Query_ReplacesOnlySensitiveValues(string? query, string expected) =>
        Assert.Equal(expected, Redactor.Redact(query));

    [Fact]
    public void Redact_NothingSensitive_ReturnsTheSameInstance()
    {
        const string query = "?page=2&sort=asc";

        Assert.Same(query, Redactor.Redact(query));
    }

    [Fact]
    public void Redact_EmptyList_LeavesEverything()
    {
        var redactor = new QueryStringRedactor(new RedactedNameSet([]));

        Assert.Equal("?token=abc", redactor.Redact("?token=abc"));
    }
}
