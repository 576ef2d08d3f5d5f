using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Responses;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>The sample answers in English and in German, through <see cref="WebApplicationFactory{TEntryPoint}"/>.</summary>
public sealed class SampleLocalizationTests
{
    private const string German = "de-DE,de;q=0.9,en;q=0.5";
    private const string GermanGenericDetail = "Ein unerwarteter Fehler ist aufgetreten. Nennen Sie die traceId, wenn Sie sich an den Support wenden.";

    private static WebApplicationFactory<Program> Sample() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Production"));

    private static async Task<HttpResponseMessage> GetAsync(WebApplicationFactory<Program> sample, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.TryAddWithoutValidation("Accept-Language", German);
        return await sample.CreateClient().SendAsync(request);
    }

    [Theory]
    [InlineData("/throw", 500, "Bei der Verarbeitung Ihrer Anfrage ist ein Fehler aufgetreten.", GermanGenericDetail)]
    [InlineData("/throw/bad-request", 413, "Inhalt zu groß", null)]
    [InlineData("/orders/missing", 404, "Nicht gefunden", null)]
    [InlineData("/orders/locked", 409, "Die Bestellung ist gesperrt", null)]
    [InlineData("/upstream/timeout", 504, "Zeitüberschreitung beim Gateway", GermanGenericDetail)]
    [InlineData("/status/503", 503, "Dienst nicht verfügbar", GermanGenericDetail)]
    [InlineData("/no-such-page", 404, "Nicht gefunden", null)]
    [InlineData("/stock/out", 409, "Konflikt", null)]
    [InlineData("/customers/validate?email=not-an-email&age=12", 400, "Mindestens ein Validierungsfehler ist aufgetreten.", null)]
    public async Task GermanApiClient_FailingEndpoint_ProblemInGerman(string path, int status, string title, string? detail)
    {
        await using var sample = Sample();

        var response = await GetAsync(sample, path, "application/json");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(["de"], response.Content.Headers.ContentLanguage);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(detail, json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null);
    }

    [Fact]
    public async Task GermanApiClient_ProblemFactory_TextsAsTheSampleWroteThem()
    {
        await using var sample = Sample();

        var response = await GetAsync(sample, "/payments/limit", "application/json");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentLanguage);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Payment limit exceeded", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task GermanBrowser_FailingEndpoint_GermanPage()
    {
        await using var sample = Sample();

        var response = await GetAsync(sample, "/orders/missing", ErrorPageNegotiatorTests.Chrome);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Nicht gefunden</h1>", html, StringComparison.Ordinal);
    }
}
