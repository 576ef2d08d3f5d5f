using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Responses;

/// <summary>
/// An app that registers its own <see cref="IProblemDetailsWriter"/> gets it for exceptions too, for the clients that
/// prefer what it writes; JSON clients keep the handler's problem+json and browsers its HTML page.
/// </summary>
public sealed class AppProblemDetailsWriterTests
{
    private const string ProblemXml = "application/problem+xml";
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static readonly XNamespace Rfc9457 = "urn:ietf:rfc:7807";

    /// <summary>An app's writer for <c>application/problem+xml</c>, as RFC 9457 appendix B shapes it.</summary>
    private sealed class XmlProblemDetailsWriter : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) =>
            MediaTypeHeaderValue.TryParse(context.HttpContext.Request.Headers.Accept.ToString(), out var accept)
            && accept.MediaType == ProblemXml;

        public async ValueTask WriteAsync(ProblemDetailsContext context)
        {
            var problem = context.ProblemDetails;
            var element = new XElement(
                Rfc9457 + "problem",
                new XElement(Rfc9457 + "status", problem.Status),
                new XElement(Rfc9457 + "title", problem.Title),
                problem.Detail is null ? null : new XElement(Rfc9457 + "detail", problem.Detail),
                new XElement(Rfc9457 + "instance", problem.Instance),
                new XElement(Rfc9457 + "traceId", problem.Extensions["traceId"]),

                // A writer that shows whatever exception it is given: the handler must give it none outside Development.
                context.Exception is { } exception ? new XElement(Rfc9457 + "exception", exception.ToString()) : null);
            context.HttpContext.Response.ContentType = ProblemXml;
            await context.HttpContext.Response.WriteAsync(element.ToString(SaveOptions.DisableFormatting));
        }
    }

    /// <summary>An app's writer that claims every request, to show which requests the handler keeps for itself.</summary>
    private sealed class GreedyWriter : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public async ValueTask WriteAsync(ProblemDetailsContext context)
        {
            context.HttpContext.Response.ContentType = "text/plain";
            await context.HttpContext.Response.WriteAsync("greedy");
        }
    }

    private static Task<WebApplication> StartAsync<TWriter>(Func<Exception> exception, string environment = "Production", Action<GlobalErrorHandlerOptions>? configure = null)
        where TWriter : class, IProblemDetailsWriter =>
        TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw exception()),
            builder =>
            {
                builder.Services.AddProblemDetails();
                builder.Services.AddSingleton<IProblemDetailsWriter, TWriter>();
                builder.Services.AddGlobalErrorHandler(options => configure?.Invoke(options));
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
            },
            environment);

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(WebApplication app, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fail");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await app.GetTestClient().SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThrownException_AcceptProblemXml_TheAppWriterWritesTheSameProblem()
    {
        await using var app = await StartAsync<XmlProblemDetailsWriter>(() => new SentinelSecretException("SENTINEL-XML-MESSAGE"));

        var (response, body) = await GetAsync(app, ProblemXml);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(ProblemXml, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((true, true), (response.Headers.CacheControl?.NoCache, response.Headers.CacheControl?.NoStore));
        var problem = XElement.Parse(body);
        var record = Assert.Single(HandlerLog.Records(app.Services));
        Assert.Equal(
            ["500", "An error occurred while processing your request.", "An unexpected error occurred.", "/fail", record.GetStructuredStateValue("TraceId")],
            problem.Elements().Select(e => e.Value));
    }

    [Fact]
    public async Task ThrownException_AcceptProblemXmlInProduction_NothingOfTheExceptionReachesTheWriter()
    {
        await using var app = await StartAsync<XmlProblemDetailsWriter>(() => new SentinelSecretException("SENTINEL-XML-MESSAGE"));

        var (_, body) = await GetAsync(app, ProblemXml);

        Assert.DoesNotContain("SENTINEL", body, StringComparison.OrdinalIgnoreCase);
        Assert.Null(XElement.Parse(body).Element(Rfc9457 + "exception"));
    }

    [Fact]
    public async Task ThrownException_AcceptProblemXmlInDevelopment_TheWriterGetsTheMessageAndTheException()
    {
        await using var app = await StartAsync<XmlProblemDetailsWriter>(() => new SentinelSecretException("SENTINEL-XML-MESSAGE"), "Development");

        var (_, body) = await GetAsync(app, ProblemXml);

        var problem = XElement.Parse(body);
        Assert.Equal("SENTINEL-XML-MESSAGE", problem.Element(Rfc9457 + "detail")?.Value);
        Assert.StartsWith(typeof(SentinelSecretException).FullName + ": SENTINEL-XML-MESSAGE", problem.Element(Rfc9457 + "exception")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MappedException_AcceptProblemXml_TheAppWriterWritesTheMappedStatus()
    {
        await using var app = await StartAsync<XmlProblemDetailsWriter>(
            () => new KeyNotFoundException("order 7"),
            configure: options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound));

        var (response, body) = await GetAsync(app, ProblemXml);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", XElement.Parse(body).Element(Rfc9457 + "status")?.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/problem+json")]
    [InlineData("application/*")]
    [InlineData("application/problem+xml, application/json")]
    [InlineData("text/plain;q=0.5, application/problem+json")]
    public async Task JsonClient_AppWriterClaimsEveryRequest_GetsTheHandlersProblemJson(string? accept)
    {
        await using var app = await StartAsync<GreedyWriter>(() => new InvalidOperationException("boom"));

        var (response, _) = await GetAsync(app, accept);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Browser_AppWriterClaimsEveryRequest_GetsTheHtmlPage()
    {
        await using var app = await StartAsync<GreedyWriter>(() => new InvalidOperationException("boom"));

        var (response, _) = await GetAsync(app, BrowserAccept);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OtherMediaType_AppWriterClaimsEveryRequest_TheAppWriterWrites()
    {
        await using var app = await StartAsync<GreedyWriter>(() => new InvalidOperationException("boom"));

        var (response, body) = await GetAsync(app, "text/plain, application/json;q=0.5");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(("text/plain", "greedy"), (response.Content.Headers.ContentType?.MediaType, body));
    }

    [Fact]
    public async Task AcceptProblemXml_NoAppWriterCanWriteIt_GetsTheHandlersProblemJson()
    {
        await using var app = await StartAsync<XmlProblemDetailsWriter>(() => new InvalidOperationException("boom"));

        var (response, _) = await GetAsync(app, "application/xml");

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void AppWriters_OnlyTheFrameworksAndTheHandlersWritersRegistered_NoneCounts()
    {
        var services = new ServiceCollection();
        services.AddProblemDetails();
        services.AddControllers();
        services.AddGlobalErrorHandler();
        services.AddLogging();
        using var provider = services.BuildServiceProvider();

        var writers = new AppProblemDetailsWriters(provider.GetServices<IProblemDetailsWriter>());

        Assert.True(writers.IsEmpty);
    }
}
