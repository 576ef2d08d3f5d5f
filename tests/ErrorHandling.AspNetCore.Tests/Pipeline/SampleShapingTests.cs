using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>The sample's shaped problems, in Production, as a newcomer calls them.</summary>
public sealed class SampleShapingTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _sample;

    public SampleShapingTests(WebApplicationFactory<Program> sample) =>
        _sample = sample.WithWebHostBuilder(b => b.UseEnvironment("Production"));

    private async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string path)
    {
        var response = await _sample.CreateClient().GetAsync(path);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task RestException_StatusFromTheException()
    {
        var (response, body) = await GetAsync("/articles/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(body.TryGetProperty("detail", out _));
    }

    [Fact]
    public async Task OutOfStock_MappingWithCode_TypeIsTheBaseUriJoinedWithTheCode()
    {
        var (response, body) = await GetAsync("/stock/out");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("https://errorhandling.example/problems/out-of-stock", body.GetProperty("type").GetString());
        Assert.Equal("out-of-stock", body.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/orders/missing", HttpStatusCode.NotFound, "order-not-found")]
    [InlineData("/orders/invalid", HttpStatusCode.BadRequest, "invalid-order")]
    public async Task MappedException_SampleCode_CodeAndTypeFromTheBaseUri(string path, HttpStatusCode status, string code)
    {
        var (response, body) = await GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal("https://errorhandling.example/problems/" + code, body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task PaymentLimit_ProblemFactory()
    {
        var (response, body) = await GetAsync("/payments/limit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Payment limit exceeded", body.GetProperty("title").GetString());
        Assert.Equal(500m, body.GetProperty("limit").GetDecimal());
    }

    [Fact]
    public async Task FluentValidation_ValidationProblemWithErrors()
    {
        var (response, body) = await GetAsync("/customers/validate?email=not-an-email&age=12");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("One or more validation errors occurred.", body.GetProperty("title").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("Email", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("Age", out _));
    }

    [Fact]
    public async Task FluentValidation_ValidInput_Succeeds()
    {
        var response = await _sample.CreateClient().GetAsync("/customers/validate?email=ada@example.com&age=36");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Quota_ProblemDetailsException()
    {
        var (response, body) = await GetAsync("/orders/quota");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("You can place 5 orders a minute.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task StatusCodePages_Browser_GetsTheHandlersPage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status-pages/missing");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        var response = await _sample.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Not Found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootPage_LinksEveryShapedEndpoint()
    {
        var page = await _sample.CreateClient().GetStringAsync("/");

        Assert.Contains("/articles/missing", page, StringComparison.Ordinal);
        Assert.Contains("/status-pages/missing", page, StringComparison.Ordinal);
    }
}
