namespace ErrorHandling.AspNetCore.Tests.Problems;

public sealed class ProblemTypeDefaultsTests
{
    [Theory]
    [InlineData(500, "https://tools.ietf.org/html/rfc9110#section-15.6.1", "An error occurred while processing your request.")]
    [InlineData(404, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found")]
    [InlineData(422, "https://tools.ietf.org/html/rfc4918#section-11.2", "Unprocessable Entity")]
    [InlineData(503, "https://tools.ietf.org/html/rfc9110#section-15.6.4", "Service Unavailable")]
    [InlineData(413, null, "Payload Too Large")]
    [InlineData(418, null, "I'm a teapot")]
    [InlineData(599, null, null)]
    public void For_Status_MatchesTheFrameworkDefaults(int status, string? type, string? title) =>
        Assert.Equal((type, title), ProblemTypeDefaults.For(status));
}
