using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static ErrorHandling.AspNetCore.Tests.Infrastructure.ShapingApp;

namespace ErrorHandling.AspNetCore.Tests.Responses;

/// <summary>
/// Shaped problems on the HTML page, and the page for problems the framework writes through
/// <see cref="IProblemDetailsService"/>, whatever the order of the registrations.
/// </summary>
public sealed class ShapedProblemPageTests
{
    private static readonly string[] Fields = ["email", "<b>age</b>"];
    private static readonly int[] Ids = [4, 2];

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

    [Fact]
    public async Task ListAndObjectExtensions_Browser_PageShowsThemAsTheJsonBodyWritesThem()
    {
        var (app, _, page) = await FailAsync(
            () => new KeyNotFoundException("SENTINEL"),
            o => o.Map<KeyNotFoundException>(404, m =>
            {
                m.Extensions["fields"] = Fields;
                m.Extensions["limits"] = new Dictionary<string, int> { ["perMinute"] = 5 };
                m.Extensions["nested"] = JsonDocument.Parse("""{"a":{"b":[1,2]}}""").RootElement;
                m.Extensions["retry"] = new List<int> { 1, 2 };
            }),
            accept: BrowserAccept);
        await using var running = app;

        Assert.Contains("<dt>fields</dt><dd>[&quot;email&quot;,&quot;&lt;b&gt;age&lt;/b&gt;&quot;]</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>limits</dt><dd>{&quot;perMinute&quot;:5}</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>nested</dt><dd>{&quot;a&quot;:{&quot;b&quot;:[1,2]}}</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>retry</dt><dd>[1,2]</dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrameworkProblemWithAListExtension_Browser_PageShowsItAsJson()
    {
        await using var app = await TestApp.StartAsync(
            a =>
            {
                a.UseGlobalErrorHandler();
                a.MapGet("/conflict", () => Results.Problem(statusCode: 409, extensions: new Dictionary<string, object?> { ["ids"] = Ids }));
            },
            builder => builder.Services.AddProblemDetails().AddGlobalErrorHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/conflict");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);

        var page = await (await app.GetTestClient().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<dt>ids</dt><dd>[4,2]</dd>", page, StringComparison.Ordinal);
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
