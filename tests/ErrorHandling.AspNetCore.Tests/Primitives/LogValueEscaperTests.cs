namespace ErrorHandling.AspNetCore.Tests.Primitives;

public sealed class LogValueEscaperTests
{
    [Theory]
    [InlineData("/orders/42", "/orders/42")]
    [InlineData("/a\r\nFAKE 500 GET /admin", "/a\\r\\nFAKE 500 GET /admin")]
    [InlineData("/tab\there", "/tab\\there")]
    [InlineData("/esc\u001b[31mred", "/esc\\u001B[31mred")]
    [InlineData("/nul\0", "/nul\\u0000")]
    [InlineData("/sep\u2028x\u0085y", "/sep\\u2028x\\u0085y")]
    [InlineData("/ünïcödé/日本", "/ünïcödé/日本")]
    public void Escape_Value_EscapesEveryControlCharacter(string value, string expected) =>
        Assert.Equal(expected, LogValueEscaper.Escape(value));

    [Fact]
    public void Escape_SafeValue_ReturnsTheSameInstance()
    {
        const string value = "/orders/42";

        Assert.Same(value, LogValueEscaper.Escape(value));
    }
}
