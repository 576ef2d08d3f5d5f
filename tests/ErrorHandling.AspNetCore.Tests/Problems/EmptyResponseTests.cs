using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Problems;

/// <summary><see cref="GlobalErrorHandlerOptions.WriteProblemDetailsForEmptyResponses"/>.</summary>
public sealed class EmptyResponseTests
{
    private static Task<WebApplication> StartAsync(bool enabled, Action<GlobalErrorHandlerOptions>? configure = null) =>
        TestApp.StartWithHandlerAsync(
            app =>
            {
                app.MapGet("/unavailable", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
                app.MapGet("/not-found-with-body", () => Results.NotFound("custom text"));
                app.MapGet("/only-get", () => "ok");
            },
            builder =>
            {
                builder.Services.AddGlobalErrorHandler(o =>
                {
                    o.WriteProblemDetailsForEmptyResponses = enabled;
                    configure?.Invoke(o);
                });
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
            });

    [Theory]
    [InlineData("GET", "/no-such-route", 404, "Not Found")]
    [InlineData("POST", "/only-get", 405, "Method Not Allowed")]
    [InlineData("GET", "/unavailable", 503, "Service Unavailable")]
    public async Task EmptyErrorResponse_OptionOn_GetsTheProblemBodyForItsStatus(string method, string path, int status, string title)
    {
        await using var app = await StartAsync(enabled: true);

        var response = await app.GetTestClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(path, json.RootElement.GetProperty("instance").GetString());
        Assert.Empty(HandlerLog.Records(app.Services));
    }

    [Fact]
    public async Task EmptyErrorResponse_5xx_CarriesTheGenericDetail()
    {
        await using var app = await StartAsync(enabled: true);

        var response = await app.GetTestClient().GetAsync("/unavailable");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task EmptyErrorResponse_OptionOff_StaysEmpty()
    {
        await using var app = await StartAsync(enabled: false);

        var response = await app.GetTestClient().GetAsync("/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ErrorResponseWithABody_OptionOn_IsLeftAsItWas()
    {
        await using var app = await StartAsync(enabled: true);

        var response = await app.GetTestClient().GetAsync("/not-found-with-body");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("\"custom text\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EmptyErrorResponse_WithCustomization_CallbackRunsWithoutAnException()
    {
        var sawException = true;
        await using var app = await StartAsync(enabled: true, o => o.CustomizeProblemDetails = context =>
        {
            sawException = context.Exception is not null;
            context.ProblemDetails.Extensions["hint"] = "check the URL";
        });

        var response = await app.GetTestClient().GetAsync("/no-such-route");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(sawException);
        Assert.Equal("check the URL", json.RootElement.GetProperty("hint").GetString());
    }
}
