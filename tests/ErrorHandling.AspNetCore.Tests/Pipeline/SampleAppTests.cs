using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>The sample app, as a newcomer runs it, through <see cref="WebApplicationFactory{TEntryPoint}"/>.</summary>
public sealed class SampleAppTests
{
    private static WebApplicationFactory<Program> Sample(string environment) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment(environment));

    [Theory]
    [InlineData("/throw", 500)]
    [InlineData("/throw/inner", 500)]
    [InlineData("/throw/async", 500)]
    [InlineData("/api/orders/42", 500)]
    [InlineData("/throw/bad-request", 413)]
    public async Task FailingEndpoint_Production_ProblemJsonWithoutDetails(string path, int status)
    {
        await using var factory = Sample("Production");

        var response = await factory.CreateClient().GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(path, json.RootElement.GetProperty("instance").GetString());
        Assert.False(json.RootElement.TryGetProperty("exception", out _));
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/throw", "System.InvalidOperationException")]
    [InlineData("/throw/async", "System.InvalidOperationException")]
    [InlineData("/api/orders/42", "System.InvalidOperationException")]
    public async Task FailingEndpoint_Development_ProblemJsonWithDetails(string path, string exceptionType)
    {
        await using var factory = Sample("Development");

        var response = await factory.CreateClient().GetAsync(path);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(exceptionType, json.RootElement.GetProperty("exception").GetProperty("type").GetString());
    }

    [Fact]
    public async Task InnerExceptionEndpoint_Development_ShowsTheInnerException()
    {
        await using var factory = Sample("Development");

        var response = await factory.CreateClient().GetAsync("/throw/inner");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var inner = json.RootElement.GetProperty("exception").GetProperty("innerException");
        Assert.Equal("System.TimeoutException", inner.GetProperty("type").GetString());
    }

    [Fact]
    public async Task GenericDetail_FromTheSampleAppsettings_IsUsedInProduction()
    {
        await using var factory = Sample("Production");

        var response = await factory.CreateClient().GetAsync("/throw");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            "An unexpected error occurred. Quote the traceId when you contact support.",
            json.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/orders/missing", 404, "Not Found", null)]
    [InlineData("/orders/invalid", 400, "Bad Request", "The quantity must be between 1 and 99.")]
    [InlineData("/orders/locked", 409, "The order is locked", null)]
    [InlineData("/upstream/timeout", 504, "Gateway Timeout", "An unexpected error occurred. Quote the traceId when you contact support.")]
    [InlineData("/status/503", 503, "Service Unavailable", "An unexpected error occurred. Quote the traceId when you contact support.")]
    [InlineData("/no-such-page", 404, "Not Found", null)]
    public async Task MappedAndEmptyEndpoints_Production_AnswerWithTheirProblem(string path, int status, string title, string? detail)
    {
        await using var factory = Sample("Production");

        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(detail, json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null);
    }

    [Fact]
    public async Task LockedOrder_Production_CarriesTheErrorCodeExtension()
    {
        await using var factory = Sample("Production");

        var response = await factory.CreateClient().GetAsync("/orders/locked");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ORDER_LOCKED", json.RootElement.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task DeclinedPayment_HandledByTheAppsExceptionHandler_Is402FromThatHandler()
    {
        await using var factory = Sample("Production");

        var response = await factory.CreateClient().GetAsync("/payments/declined");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("insufficient funds", json.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Maintenance_PassedThrough_OuterMiddlewareAnswers503WithRetryAfter()
    {
        await using var factory = Sample("Production");

        var response = await factory.CreateClient().GetAsync("/maintenance");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("300", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.Equal("Back in five minutes.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RootPage_Requested_ListsEveryFailingEndpoint()
    {
        await using var factory = Sample("Production");

        var response = await factory.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var path in new[]
        {
            "/throw", "/throw/inner", "/throw/async", "/api/orders/42", "/throw/bad-request", "/orders/missing", "/orders/invalid",
            "/orders/locked", "/upstream/timeout", "/payments/declined", "/maintenance", "/status/503", "/no-such-page",
        })
        {
            Assert.Contains($"href=\"{path}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenApiDocument_Development_DeclaresTheHandlersResponsesOnEveryOperation()
    {
        await using var factory = Sample("Development");

        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/throw", "/orders/missing", "/api/orders/{id}" })
        {
            var responses = paths.GetProperty(path).GetProperty("get").GetProperty("responses");
            foreach (var status in new[] { "400", "404", "409", "500", "504" })
            {
                // The sample's FluentValidation mapping answers 400 with validation problems.
                Assert.Equal(
                    status == "400" ? "#/components/schemas/HttpValidationProblemDetails" : "#/components/schemas/ProblemDetails",
                    responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json")
                        .GetProperty("schema").GetProperty("$ref").GetString());
            }
        }

        // Answered by the outer middleware, which the endpoint declares instead.
        var maintenance = paths.GetProperty("/maintenance").GetProperty("get").GetProperty("responses");
        Assert.Equal(["200", "503"], maintenance.EnumerateObject().Select(r => r.Name));
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/")]
    public async Task ApiDocumentation_Production_IsNotServed(string path)
    {
        await using var factory = Sample("Production");

        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ApiReference_Development_IsServed()
    {
        await using var factory = Sample("Development");

        var response = await factory.CreateClient().GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task RootPage_Requested_LinksTheDocsPagesOfWhatItShows(string environment)
    {
        await using var factory = Sample(environment);

        var html = await factory.CreateClient().GetStringAsync("/");

        foreach (var page in new[] { "getting-started", "mapping", "responses", "logging", "telemetry", "openapi", "troubleshooting" })
        {
            Assert.Contains(
                $"href=\"https://github.com/errorhandling-aspnetcore/ErrorHandling.AspNetCore/blob/main/docs/{page}.md\"",
                html,
                StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public async Task RootPage_Requested_LinksTheApiDocumentationInDevelopmentOnly(string environment, bool linked)
    {
        await using var factory = Sample(environment);

        var html = await factory.CreateClient().GetStringAsync("/");

        Assert.Equal(linked, html.Contains("href=\"/scalar\"", StringComparison.Ordinal));
        Assert.Equal(linked, html.Contains("href=\"/openapi/v1.json\"", StringComparison.Ordinal));
    }
}
