using System.Net;
using System.Text;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore.Tests.Responses;

/// <summary>The HTML error page for browsers, through a real host.</summary>
public sealed class HtmlErrorPageTests
{
    private const string Browser = ErrorPageNegotiatorTests.Chrome;

    private static Task<WebApplication> StartAsync(
        string environment = "Production",
        Action<GlobalErrorHandlerOptions>? configure = null,
        Dictionary<string, string?>? configuration = null) =>
        TestApp.StartWithHandlerAsync(
            app =>
            {
                app.MapGet("/orders/{id}", string () => Throwers.ThrowSentinelFromDeepInside());
                app.MapGet("/markup", string () => throw new InvalidOperationException("<script>alert(1)</script><img src=x onerror=alert(1)>"));
                app.MapGet("/missing", string () => throw new KeyNotFoundException("Order 7 <b>does not</b> exist."));
                app.MapGet("/unavailable", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
            },
            builder =>
            {
                if (configuration is not null)
                {
                    builder.Configuration.AddInMemoryCollection(configuration);
                }

                builder.Services.AddGlobalErrorHandler(o =>
                {
                    o.Map<KeyNotFoundException>(StatusCodes.Status404NotFound, m => m.ExposeMessage = true);
                    o.WriteProblemDetailsForEmptyResponses = true;
                    configure?.Invoke(o);
                });
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
            },
            environment);

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(WebApplication app, string path, string? accept = Browser)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await app.GetTestClient().SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "application/problem+json")]
    [InlineData("*/*", "application/problem+json")]
    [InlineData("application/json", "application/problem+json")]
    [InlineData("application/problem+json", "application/problem+json")]
    [InlineData("text/plain", "application/problem+json")]
    [InlineData("text/html, application/json", "application/problem+json")]
    [InlineData("text/html;q=oops", "application/problem+json")]
    [InlineData("text/html", "text/html")]
    [InlineData(ErrorPageNegotiatorTests.Firefox, "text/html")]
    [InlineData(ErrorPageNegotiatorTests.Chrome, "text/html")]
    public async Task FailedRequest_AcceptHeader_ChoosesTheBody(string? accept, string mediaType)
    {
        await using var app = await StartAsync();

        var (response, _) = await GetAsync(app, "/orders/1", accept);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BrowserRequest_Production_GetsAPageWithStatusTitleGenericDetailAndHeaders()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/orders/1");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
        Assert.Equal(HtmlErrorPageWriter.ContentSecurityPolicy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("<h1>An error occurred while processing your request.</h1>\n<p>An unexpected error occurred.</p>", body, StringComparison.Ordinal);
        Assert.Contains("<dt>Status</dt><dd>500 Internal Server Error</dd>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserRequest_Production_PageCarriesNoTraceOfTheException()
    {
        await using var app = await StartAsync();

        var (_, body) = await GetAsync(app, "/orders/1");

        Assert.DoesNotContain(Throwers.Message, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Throwers.InnerMessage, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(SentinelSecretException), body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(FormatException), body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(Throwers.ThrowSentinelFromDeepInside), body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserRequest_Production_PageShowsTheTraceIdOfTheLogEvent()
    {
        await using var app = await StartAsync();

        var (_, body) = await GetAsync(app, "/orders/1");

        var record = Assert.Single(HandlerLog.Records(app.Services));
        var traceId = record.GetStructuredStateValue("TraceId");
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.Contains("<dt>Trace id</dt><dd><code>" + traceId + "</code></dd>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserRequest_Development_PageShowsTypeMessageStackAndInner()
    {
        await using var app = await StartAsync("Development");

        var (_, body) = await GetAsync(app, "/orders/1");

        Assert.Contains("<h1>An error occurred while processing your request.</h1>\n<p>" + Throwers.Message + "</p>", body, StringComparison.Ordinal);
        Assert.Contains("<h3>Exception: <code>" + typeof(SentinelSecretException).FullName + "</code></h3>", body, StringComparison.Ordinal);
        Assert.Contains("<h3>Inner exception (level 1): <code>System.FormatException</code></h3>\n<p>" + Throwers.InnerMessage + "</p>", body, StringComparison.Ordinal);
        Assert.Contains(nameof(Throwers.ThrowSentinelFromDeepInside), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserRequest_MarkupInTheMessage_IsEncoded()
    {
        await using var app = await StartAsync("Development");

        var (_, body) = await GetAsync(app, "/markup");

        Assert.Contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</p>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BrowserRequest_MappedExposedMessage_IsTheEncodedDetailInProduction()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not Found</h1>\n<p>Order 7 &lt;b&gt;does not&lt;/b&gt; exist.</p>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("KeyNotFoundException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserRequest_CustomizedProblemDetails_PageShowsTheCustomizedValues()
    {
        await using var app = await StartAsync(configure: o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Status = StatusCodes.Status503ServiceUnavailable;
            context.ProblemDetails.Title = "Down for <maintenance>";
            context.ProblemDetails.Detail = "Back at 10:00.";
            context.ProblemDetails.Extensions["traceId"] = "custom-trace";
        });

        var (response, body) = await GetAsync(app, "/orders/1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<p class=\"status\">Error 503 Service Unavailable</p>\n<h1>Down for &lt;maintenance&gt;</h1>\n<p>Back at 10:00.</p>", body, StringComparison.Ordinal);
        Assert.Contains("<code>custom-trace</code>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserRequest_EmptyErrorResponse_GetsThePageForItsStatus()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/unavailable");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("<h1>Service Unavailable</h1>\n<p>An unexpected error occurred.</p>", body, StringComparison.Ordinal);
        Assert.Empty(HandlerLog.Records(app.Services));
    }

    [Fact]
    public async Task BrowserRequest_EmptyErrorResponseWithCustomization_GetsThePageWithTheCustomizedTitle()
    {
        await using var app = await StartAsync(configure: o => o.CustomizeProblemDetails = context => context.ProblemDetails.Title = "Page gone");

        var (response, body) = await GetAsync(app, "/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page gone</h1>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserRequest_HtmlErrorPagesOff_GetsProblemJson()
    {
        await using var app = await StartAsync(configure: o => o.HtmlErrorPages = false);

        var (response, body) = await GetAsync(app, "/orders/1");

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        using var json = JsonDocument.Parse(body);
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task BrowserRequest_HtmlErrorPagesOffInConfiguration_GetsProblemJson()
    {
        await using var app = await StartAsync(configuration: new() { ["GlobalErrorHandler:HtmlErrorPages"] = "false" });

        var (response, _) = await GetAsync(app, "/orders/1");

        Assert.False(app.Services.GetRequiredService<IOptions<GlobalErrorHandlerOptions>>().Value.HtmlErrorPages);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HtmlErrorPagesInConfiguration_NotABoolean_FailsStartupNamingIt()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(configuration: new() { ["GlobalErrorHandler:HtmlErrorPages"] = "sometimes" }));

        Assert.Contains("GlobalErrorHandler:HtmlErrorPages has the value 'sometimes', which is not true or false.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserRequest_CustomResponseWriter_WinsOverThePage()
    {
        await using var app = await StartAsync(configure: o => o.ResponseWriter = static context =>
            context.HttpContext.Response.WriteAsync("custom:" + context.ProblemDetails.Status));

        var (response, body) = await GetAsync(app, "/orders/1");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("custom:500", body);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }
}
