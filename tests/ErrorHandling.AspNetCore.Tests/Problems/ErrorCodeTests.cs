using System.Net;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static ErrorHandling.AspNetCore.Tests.Infrastructure.ShapingApp;

namespace ErrorHandling.AspNetCore.Tests.Problems;

/// <summary>A mapping's error code in the body and on the page, and the problem type it names under a base URI.</summary>
public sealed class ErrorCodeTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task MappingCode_AnyEnvironment_WrittenAsTheCodeMember(string environment)
    {
        var (app, response, body) = await FailAsync(
            () => new KeyNotFoundException("SENTINEL"),
            o => o.Map<KeyNotFoundException>(404, m => m.Code = "order-not-found"),
            environment);
        await using var running = app;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = Json(body);
        Assert.Equal("order-not-found", json.GetProperty("code").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task MappingWithoutCode_Thrown_NoCodeMember()
    {
        var (app, _, body) = await FailAsync(
            () => new KeyNotFoundException("SENTINEL"),
            o =>
            {
                o.ProblemTypeBaseUri = new Uri("https://errors.example.com/");
                o.Map<KeyNotFoundException>(404);
            });
        await using var running = app;

        var json = Json(body);
        Assert.False(json.TryGetProperty("code", out _));
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", json.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("https://errors.example.com/", "https://errors.example.com/order-not-found")]
    [InlineData("https://errors.example.com/problems", "https://errors.example.com/problems/order-not-found")]
    [InlineData("https://errors.example.com/problems/", "https://errors.example.com/problems/order-not-found")]
    public async Task MappingCode_BaseUriAndNoType_TypeIsTheBaseJoinedWithTheCode(string baseUri, string expectedType)
    {
        var (app, _, body) = await FailAsync(
            () => new KeyNotFoundException("SENTINEL"),
            o =>
            {
                o.ProblemTypeBaseUri = new Uri(baseUri);
                o.Map<KeyNotFoundException>(404, m => m.Code = "order-not-found");
            });
        await using var running = app;

        Assert.Equal(expectedType, Json(body).GetProperty("type").GetString());
    }

    [Fact]
    public async Task MappingCode_BaseUriAndExplicitType_KeepsTheType()
    {
        var (app, _, body) = await FailAsync(
            () => new KeyNotFoundException("SENTINEL"),
            o =>
            {
                o.ProblemTypeBaseUri = new Uri("https://errors.example.com/");
                o.Map<KeyNotFoundException>(404, m => (m.Code, m.Type) = ("order-not-found", "urn:problem:missing"));
            });
        await using var running = app;

        var json = Json(body);
        Assert.Equal("urn:problem:missing", json.GetProperty("type").GetString());
        Assert.Equal("order-not-found", json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ProblemDetailsExceptionCode_BaseUriSet_LeftAsTheAppWroteIt()
    {
        var problem = new ProblemDetails { Status = 409 };
        problem.Extensions["code"] = "App Code!";
        var (app, _, body) = await FailAsync(
            () => new ProblemDetailsException(problem),
            o =>
            {
                o.ProblemTypeBaseUri = new Uri("https://errors.example.com/");
                o.Map<KeyNotFoundException>(404, m => m.Code = "order-not-found");
            });
        await using var running = app;

        var json = Json(body);
        Assert.Equal("App Code!", json.GetProperty("code").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.10", json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ProblemFactoryCode_Thrown_LeftAsTheAppWroteIt()
    {
        var (app, _, body) = await FailAsync(
            () => new KeyNotFoundException("SENTINEL"),
            o =>
            {
                o.ProblemTypeBaseUri = new Uri("https://errors.example.com/");
                o.Map<KeyNotFoundException>((_, _) => new ProblemDetails { Status = 422, Extensions = { ["code"] = 42 } });
            });
        await using var running = app;

        var json = Json(body);
        Assert.Equal(42, json.GetProperty("code").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc4918#section-11.2", json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task SharedCode_TwoTypesAtOneStatus_BothWriteIt()
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            a =>
            {
                a.MapGet("/key", string () => throw new KeyNotFoundException());
                a.MapGet("/file", string () => throw new FileNotFoundException());
            },
            builder => builder.Services.AddGlobalErrorHandler(o => o
                .Map<KeyNotFoundException>(404, m => m.Code = "not-found")
                .Map<FileNotFoundException>(404, m => m.Code = "not-found")));
        var client = app.GetTestClient();

        foreach (var path in new[] { "/key", "/file" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not-found", Json(await response.Content.ReadAsStringAsync()).GetProperty("code").GetString());
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task MappingCode_Browser_PageShowsTheErrorCode(string environment)
    {
        var (app, response, body) = await FailAsync(
            () => new KeyNotFoundException("SENTINEL"),
            o => o.Map<KeyNotFoundException>(404, m => m.Code = "order-not-found"),
            environment,
            BrowserAccept);
        await using var running = app;

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<dt>Error code</dt><dd><code>order-not-found</code></dd>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>code</dt>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemTypeBaseUri_FromConfiguration_NamesTheType()
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            a => a.MapGet("/fail", string () => throw new KeyNotFoundException()),
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["GlobalErrorHandler:ProblemTypeBaseUri"] = "https://errors.example.com/v1",
                });
                builder.Services.AddGlobalErrorHandler(o => o.Map<KeyNotFoundException>(404, m => m.Code = "order-not-found"));
            });

        var response = await app.GetTestClient().GetAsync("/fail");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("https://errors.example.com/v1/order-not-found", Json(await response.Content.ReadAsStringAsync()).GetProperty("type").GetString());
    }
}
