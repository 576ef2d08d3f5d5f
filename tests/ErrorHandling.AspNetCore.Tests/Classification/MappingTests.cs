using System.Net;
using System.Reflection;
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

namespace ErrorHandling.AspNetCore.Tests.Classification;

public sealed class MappingTests
{
    private static async Task<(WebApplication App, HttpResponseMessage Response, JsonElement Body)> ThrowAsync(
        Func<Exception> exception,
        Action<GlobalErrorHandlerOptions> configure,
        string environment = "Production",
        Dictionary<string, string?>? configuration = null)
    {
        var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw exception()),
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration ?? []);
                builder.Services.AddGlobalErrorHandler(configure);
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
            },
            environment);
        var response = await app.GetTestClient().GetAsync("/fail");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (app, response, body);
    }

    [Fact]
    public async Task MappedType_Thrown_RespondsWithItsStatusAndTheFrameworkTitle()
    {
        var (app, response, body) = await ThrowAsync(() => new KeyNotFoundException("order 42 SENTINEL"), o => o.Map<KeyNotFoundException>(404));
        await using var running = app;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", body.GetProperty("title").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", body.GetProperty("type").GetString());
        Assert.False(body.TryGetProperty("detail", out _));
        Assert.DoesNotContain("SENTINEL", body.GetRawText(), StringComparison.Ordinal);
        var record = Assert.Single(HandlerLog.Records(app.Services));
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal(1, record.Id.Id);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MostDerivedMapping_AnyRegistrationOrder_Wins(bool baseFirst)
    {
        Action<GlobalErrorHandlerOptions> configure = baseFirst
            ? o => o.Map<ArgumentException>(400).Map<ArgumentNullException>(422)
            : o => o.Map<ArgumentNullException>(422).Map<ArgumentException>(400);

        var (derivedApp, derived, _) = await ThrowAsync(() => new ArgumentNullException("id"), configure);
        await using var a = derivedApp;
        var (siblingApp, sibling, _) = await ThrowAsync(() => new ArgumentOutOfRangeException("id"), configure);
        await using var b = siblingApp;

        Assert.Equal(422, (int)derived.StatusCode);
        Assert.Equal(400, (int)sibling.StatusCode);
    }

    [Fact]
    public async Task Mapping_WithTitleDetailAndLogLevel_UsesThemInProduction()
    {
        var (app, response, body) = await ThrowAsync(
            () => new InvalidOperationException("SENTINEL internal state"),
            o => o.Map<InvalidOperationException>(409, m =>
            {
                m.Title = "Order already shipped";
                m.Detail = "The order cannot be changed any more.";
                m.LogLevel = LogLevel.Information;
            }));
        await using var running = app;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Order already shipped", body.GetProperty("title").GetString());
        Assert.Equal("The order cannot be changed any more.", body.GetProperty("detail").GetString());
        Assert.DoesNotContain("SENTINEL", body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(LogLevel.Information, Assert.Single(HandlerLog.Records(app.Services)).Level);
    }

    [Fact]
    public async Task Mapping_ExposeMessage_MessageIsTheDetailInProduction()
    {
        var (app, _, body) = await ThrowAsync(
            () => new ArgumentException("Quantity must be positive."),
            o => o.Map<ArgumentException>(400, m => m.ExposeMessage = true));
        await using var running = app;

        Assert.Equal("Quantity must be positive.", body.GetProperty("detail").GetString());
        Assert.False(body.TryGetProperty("exception", out _));
    }

    [Fact]
    public async Task Mapping_To5xx_UsesGenericDetailAndLogsError()
    {
        var (app, response, body) = await ThrowAsync(() => new TimeoutException("SENTINEL db"), o => o.Map<TimeoutException>(504));
        await using var running = app;

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, body.GetProperty("detail").GetString());
        Assert.Equal(LogLevel.Error, Assert.Single(HandlerLog.Records(app.Services)).Level);
    }

    [Fact]
    public async Task Mapping_InDevelopment_DetailIsTheMessageAndExceptionIsShown()
    {
        var (app, _, body) = await ThrowAsync(
            () => new KeyNotFoundException("order 42 is missing"),
            o => o.Map<KeyNotFoundException>(404, m => m.Detail = "generic"),
            "Development");
        await using var running = app;

        Assert.Equal("order 42 is missing", body.GetProperty("detail").GetString());
        Assert.Equal("System.Collections.Generic.KeyNotFoundException", body.GetProperty("exception").GetProperty("type").GetString());
    }

    [Fact]
    public async Task AggregateWithOneInner_MappedInner_IsMatchedAndTheOriginalLogged()
    {
        var (app, response, _) = await ThrowAsync(
            () => new AggregateException(new KeyNotFoundException("missing")),
            o => o.Map<KeyNotFoundException>(404));
        await using var running = app;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var record = Assert.Single(HandlerLog.Records(app.Services));
        Assert.IsType<AggregateException>(record.Exception);
        Assert.Contains(new KeyValuePair<string, string?>("ExceptionType", "System.AggregateException"), record.StructuredState!);
    }

    [Fact]
    public async Task TargetInvocationException_MappedInner_IsMatched()
    {
        var (app, response, _) = await ThrowAsync(
            () => new TargetInvocationException(new KeyNotFoundException("missing")),
            o => o.Map<KeyNotFoundException>(404));
        await using var running = app;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.IsType<TargetInvocationException>(Assert.Single(HandlerLog.Records(app.Services)).Exception);
    }

    [Fact]
    public async Task AggregateWithTwoInners_NotUnwrapped_IsA500()
    {
        var (app, response, _) = await ThrowAsync(
            () => new AggregateException(new KeyNotFoundException("a"), new KeyNotFoundException("b")),
            o => o.Map<KeyNotFoundException>(404));
        await using var running = app;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task AggregateMapping_WrapperMappedButInnerNot_UsesTheWrapperMapping()
    {
        var (app, response, _) = await ThrowAsync(
            () => new AggregateException(new FormatException("x")),
            o => o.Map<AggregateException>(502));
        await using var running = app;

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task PredicateMapping_MatchingException_WinsOverATypeMapping()
    {
        var (app, response, _) = await ThrowAsync(
            () => new HttpRequestException("upstream", null, HttpStatusCode.NotFound),
            o => o.Map<HttpRequestException>(502).Map(e => e is HttpRequestException { StatusCode: HttpStatusCode.NotFound }, 404));
        await using var running = app;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PredicateMapping_NonMatchingException_FallsBackToTheTypeMapping()
    {
        var (app, response, _) = await ThrowAsync(
            () => new HttpRequestException("upstream", null, HttpStatusCode.InternalServerError),
            o => o.Map<HttpRequestException>(502).Map(e => e is HttpRequestException { StatusCode: HttpStatusCode.NotFound }, 404));
        await using var running = app;

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task BadHttpRequestException_Mapped_TheMappingWins()
    {
        var (app, response, _) = await ThrowAsync(() => new BadHttpRequestException("bad", 400), o => o.Map<BadHttpRequestException>(422));
        await using var running = app;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task StatusCodesFromConfiguration_TypeFullName_IsMapped()
    {
        var (app, response, _) = await ThrowAsync(
            () => new TimeoutException("slow"),
            _ => { },
            configuration: new() { ["GlobalErrorHandler:StatusCodes:System.TimeoutException"] = "504" });
        await using var running = app;

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task StatusCodesFromConfiguration_ATypeOfThisAssembly_IsMapped()
    {
        var (app, response, _) = await ThrowAsync(
            () => new SentinelSecretException("x"),
            _ => { },
            configuration: new() { [$"GlobalErrorHandler:StatusCodes:{typeof(SentinelSecretException).FullName}"] = "410" });
        await using var running = app;

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task MapInCode_AndConfigurationForTheSameType_CodeWins()
    {
        var (app, response, _) = await ThrowAsync(
            () => new TimeoutException("slow"),
            o => o.Map<TimeoutException>(503),
            configuration: new() { ["GlobalErrorHandler:StatusCodes:System.TimeoutException"] = "504" });
        await using var running = app;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task ConfigurationForADerivedType_AndCodeForItsBase_MostDerivedWins()
    {
        var (app, response, _) = await ThrowAsync(
            () => new ArgumentNullException("id"),
            o => o.Map<ArgumentException>(400),
            configuration: new() { ["GlobalErrorHandler:StatusCodes:System.ArgumentNullException"] = "422" });
        await using var running = app;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Theory]
    [InlineData("MyApp.DoesNotExistException", "504", "GlobalErrorHandler:StatusCodes:MyApp.DoesNotExistException", "names no exception type")]
    [InlineData("System.String", "504", "GlobalErrorHandler:StatusCodes:System.String", "names no exception type")]
    [InlineData("System.TimeoutException", "700", "GlobalErrorHandler:StatusCodes:System.TimeoutException", "'700'")]
    [InlineData("System.TimeoutException", "soon", "GlobalErrorHandler:StatusCodes:System.TimeoutException", "'soon'")]
    [InlineData("System.TimeoutException", "204", "GlobalErrorHandler:StatusCodes:System.TimeoutException", "has the value '204'; a response with that status has no body")]
    [InlineData("System.TimeoutException", "304", "GlobalErrorHandler:StatusCodes:System.TimeoutException", "has the value '304'; a response with that status has no body")]
    [InlineData("System.TimeoutException", "101", "GlobalErrorHandler:StatusCodes:System.TimeoutException", "has the value '101'; a response with that status has no body")]
    public async Task StatusCodesFromConfiguration_InvalidEntry_FailsStartupNamingIt(string typeName, string status, string expectedOption, string expectedText)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartWithHandlerAsync(
            _ => { },
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"GlobalErrorHandler:StatusCodes:{typeName}"] = status })));

        Assert.Contains(expectedOption, exception.Message, StringComparison.Ordinal);
        Assert.Contains(expectedText, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(600)]
    [InlineData(700)]
    public void Map_StatusOutOfRange_ThrowsAtTheCall(int status)
    {
        var options = new GlobalErrorHandlerOptions();

        Assert.Throws<ArgumentOutOfRangeException>("statusCode", () => options.Map<TimeoutException>(status));
        Assert.Throws<ArgumentOutOfRangeException>("statusCode", () => options.Map(_ => true, status));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(103)]
    [InlineData(204)]
    [InlineData(205)]
    [InlineData(304)]
    public void Map_StatusWithoutABody_ThrowsAtTheCallSayingWhy(int status)
    {
        var options = new GlobalErrorHandlerOptions();

        var typeMapping = Assert.Throws<ArgumentOutOfRangeException>("statusCode", () => options.Map<TimeoutException>(status));
        var predicateMapping = Assert.Throws<ArgumentOutOfRangeException>("statusCode", () => options.Map(_ => true, status));
        var problemException = Assert.Throws<ArgumentOutOfRangeException>("statusCode", () => new ProblemDetailsException(status));

        foreach (var exception in new[] { typeMapping, predicateMapping, problemException })
        {
            Assert.Equal(status, exception.ActualValue);
            Assert.Contains("a response with that status has no body (1xx, 204, 205 and 304 have none)", exception.Message, StringComparison.Ordinal);
        }

        Assert.Empty(options.TypeMappings);
        Assert.Empty(options.PredicateMappings);
    }

    [Fact]
    public void Map_NullArguments_Throw()
    {
        var options = new GlobalErrorHandlerOptions();

        Assert.Throws<ArgumentNullException>("predicate", () => options.Map(null!, 400));
        Assert.Throws<ArgumentNullException>("configure", () => options.Map<TimeoutException>(400, null!));
    }
}
