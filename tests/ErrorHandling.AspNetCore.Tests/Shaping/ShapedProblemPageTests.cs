using System.Net;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static ErrorHandling.AspNetCore.Tests.Shaping.ShapingApp;

namespace ErrorHandling.AspNetCore.Tests.Shaping;

/// <summary>
/// Shaped problems on the HTML page, and the page for problems the framework writes through
/// <see cref="IProblemDetailsService"/>, whatever the order of the registrations.
/// </summary>
public sealed class ShapedProblemPageTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task ValidationProblem_Browser_PageShowsTheErrorsEncoded(string environment)
    {
        var (app, response, page) = await FailAsync(
            () => new FieldValidationException(new Dictionary<string, string[]> { ["<b>Email</b>"] = ["<script>alert(1)</script>"], [""] = ["Whole request"] }),
            o => o.MapValidation<FieldValidationException>(e => e.Errors),
            environment,
            BrowserAccept);
        await using var running = app;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Validation errors", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Email&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("Whole request", page, StringComparison.Ordinal);
        Assert.Equal(HtmlErrorPageWriter.ContentSecurityPolicy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task MappingExtensions_Browser_PageShowsThemEncoded()
    {
        var (app, _, page) = await FailAsync(
            () => new KeyNotFoundException("SENTINEL"),
            o => o.Map<KeyNotFoundException>(404, m => m.Extensions["errorCode"] = "<i>E404</i>"),
            accept: BrowserAccept);
        await using var running = app;

        Assert.Contains("<dt>errorCode</dt><dd>&lt;i&gt;E404&lt;/i&gt;</dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SENTINEL", page, StringComparison.Ordinal);
    }

    public static TheoryData<string> RegistrationOrders() =>
        ["problem-details-first", "handler-first", "mvc-problem-details-handler", "handler-mvc-problem-details"];

    private static void Register(IServiceCollection services, string order)
    {
        foreach (var step in order.Split('-'))
        {
            switch (step)
            {
                case "problem":
                    services.AddProblemDetails();
                    break;
                case "handler":
                    services.AddGlobalErrorHandler();
                    break;
                case "mvc":
                    services.AddControllers();
                    break;
            }
        }

        // "first" orders name only one of the two; the other follows.
        if (order == "problem-details-first")
        {
            services.AddGlobalErrorHandler();
        }
        else if (order == "handler-first")
        {
            services.AddProblemDetails();
        }
    }

    private static Task<WebApplication> StatusCodePagesAppAsync(string order) =>
        TestApp.StartAsync(
            app =>
            {
                app.UseGlobalErrorHandler();
                app.UseStatusCodePages();
                app.MapGet("/missing", () => Results.NotFound());
            },
            builder => Register(builder.Services, order));

    [Theory]
    [MemberData(nameof(RegistrationOrders))]
    public async Task StatusCodePages_Browser_GetsTheHandlersPage(string order)
    {
        await using var app = await StatusCodePagesAppAsync(order);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/missing");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);

        var response = await app.GetTestClient().SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Not Found</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Trace id", page, StringComparison.Ordinal);
        Assert.Equal(HtmlErrorPageWriter.ContentSecurityPolicy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [MemberData(nameof(RegistrationOrders))]
    public async Task StatusCodePages_JsonClient_KeepsTheFrameworksWriter(string order)
    {
        await using var app = await StatusCodePagesAppAsync(order);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/missing");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");

        var response = await app.GetTestClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, Json(await response.Content.ReadAsStringAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task FrameworkValidationProblem_Browser_PageShowsItsErrors()
    {
        await using var app = await TestApp.StartAsync(
            app => app.MapGet("/validate", () => Results.ValidationProblem(new Dictionary<string, string[]> { ["Name"] = ["<u>Required</u>"] })),
            builder => builder.Services.AddProblemDetails().AddGlobalErrorHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/validate");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);

        var response = await app.GetTestClient().SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("&lt;u&gt;Required&lt;/u&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlErrorPagesOff_Browser_KeepsTheFrameworksWriter()
    {
        await using var app = await TestApp.StartAsync(
            app =>
            {
                app.UseStatusCodePages();
                app.MapGet("/missing", () => Results.NotFound());
            },
            builder => builder.Services.AddProblemDetails().AddGlobalErrorHandler(o => o.HtmlErrorPages = false));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/missing");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);

        var response = await app.GetTestClient().SendAsync(request);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
