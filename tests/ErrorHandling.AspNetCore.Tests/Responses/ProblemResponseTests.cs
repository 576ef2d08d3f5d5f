using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.Tests.Responses;

public sealed class ProblemResponseTests
{
    private static Task<WebApplication> StartThrowingAppAsync(
        string environment = "Production",
        Action<GlobalErrorHandlerOptions>? configure = null) =>
        TestApp.StartWithHandlerAsync(
            app => app.MapGet("/orders/{id}", string () => Throwers.ThrowSentinelFromDeepInside()),
            builder => builder.Services.AddGlobalErrorHandler(configure ?? (_ => { })),
            environment);

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(WebApplication app, string path)
    {
        var response = await app.GetTestClient().GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Production_ExceptionThrown_BodyCarriesNoTraceOfIt()
    {
        await using var app = await StartThrowingAppAsync("Production");

        var (response, body) = await GetAsync(app, "/orders/42");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(Throwers.Message, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Throwers.InnerMessage, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(SentinelSecretException), body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(FormatException), body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(Throwers.ThrowSentinelFromDeepInside), body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs", body, StringComparison.Ordinal);
        var headers = string.Join('\n', response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value));
        Assert.DoesNotContain(Throwers.Message, headers, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.6.1", root.GetProperty("type").GetString());
        Assert.Equal("An error occurred while processing your request.", root.GetProperty("title").GetString());
        Assert.Equal(500, root.GetProperty("status").GetInt32());
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, root.GetProperty("detail").GetString());
        Assert.False(root.TryGetProperty("exception", out _));
    }

    [Fact]
    public async Task Development_ExceptionThrown_BodyCarriesTypeMessageStackAndInner()
    {
        await using var app = await StartThrowingAppAsync("Development");

        var (response, body) = await GetAsync(app, "/orders/42");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(Throwers.Message, root.GetProperty("detail").GetString());
        var exception = root.GetProperty("exception");
        Assert.Equal(typeof(SentinelSecretException).FullName, exception.GetProperty("type").GetString());
        Assert.Equal(Throwers.Message, exception.GetProperty("message").GetString());
        Assert.Contains(nameof(Throwers.ThrowSentinelFromDeepInside), exception.GetProperty("stackTrace").GetString(), StringComparison.Ordinal);
        var inner = exception.GetProperty("innerException");
        Assert.Equal(typeof(FormatException).FullName, inner.GetProperty("type").GetString());
        Assert.Equal(Throwers.InnerMessage, inner.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("Production", ExceptionDetailsPolicy.Always, true)]
    [InlineData("Staging", ExceptionDetailsPolicy.Always, true)]
    [InlineData("Development", ExceptionDetailsPolicy.Never, false)]
    [InlineData("Staging", ExceptionDetailsPolicy.DevelopmentOnly, false)]
    [InlineData("Staging", ExceptionDetailsPolicy.Never, false)]
    [InlineData("Development", ExceptionDetailsPolicy.DevelopmentOnly, true)]
    public async Task ExceptionDetailsPolicy_AnyEnvironment_DecidesWhetherDetailsAreWritten(
        string environment, ExceptionDetailsPolicy policy, bool expectDetails)
    {
        await using var app = await StartThrowingAppAsync(environment, o => o.ExceptionDetails = policy);

        var (_, body) = await GetAsync(app, "/orders/42");

        Assert.Equal(expectDetails, body.Contains(Throwers.Message, StringComparison.Ordinal));
        using var json = JsonDocument.Parse(body);
        Assert.Equal(expectDetails, json.RootElement.TryGetProperty("exception", out _));
    }

    [Fact]
    public async Task GenericDetail_Configured_IsTheDetailOfA500()
    {
        await using var app = await StartThrowingAppAsync(configure: o => o.GenericDetail = "Sorry, quote the trace id.");

        var (_, body) = await GetAsync(app, "/orders/42");

        using var json = JsonDocument.Parse(body);
        Assert.Equal("Sorry, quote the trace id.", json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task FailedResponse_AnyException_IsProblemJsonWithNoCacheHeaders()
    {
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/fail", (HttpContext context) =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.CacheControl = "public, max-age=3600";
            throw new InvalidOperationException("boom");
        }));

        var (response, body) = await GetAsync(app, "/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        var cacheControl = response.Headers.CacheControl;
        Assert.NotNull(cacheControl);
        Assert.True(cacheControl.NoCache);
        Assert.True(cacheControl.NoStore);
        Assert.False(cacheControl.Public);
        Assert.Null(cacheControl.MaxAge);
        Assert.Equal("no-cache", Assert.Single(response.Headers.GetValues("Pragma")));
        Assert.Equal("-1", Assert.Single(response.Content.Headers.GetValues("Expires")));
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task FailedResponse_HeadersSetBeforeTheThrow_KeepsCorsDropsTheRest()
    {
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/fail", (HttpContext context) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "https://app.example";
            context.Response.Headers.StrictTransportSecurity = "max-age=31536000";
            context.Response.Headers["X-Internal-Shard"] = "db-7";
            throw new InvalidOperationException("boom");
        }));

        var (response, _) = await GetAsync(app, "/fail");

        Assert.Equal("https://app.example", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(response.Headers.Contains("X-Internal-Shard"));
    }

    [Fact]
    public async Task TraceId_RequestWithActivity_EqualsTheActivityId()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string? activityId = null;
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/fail", string () =>
        {
            activityId = Activity.Current?.Id;
            throw new InvalidOperationException("boom");
        }));

        var (_, body) = await GetAsync(app, "/fail");

        Assert.NotNull(activityId);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(activityId, json.RootElement.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Instance_RequestWithPathBaseAndQuery_IsPathBaseAndPathOnly()
    {
        await using var app = await TestApp.StartAsync(
            app =>
            {
                app.UsePathBase("/shop");
                app.UseGlobalErrorHandler();
                app.MapGet("/orders/{id}", string () => throw new InvalidOperationException("boom"));
            },
            builder => builder.Services.AddGlobalErrorHandler());

        var (_, body) = await GetAsync(app, "/shop/orders/42?token=secret");

        using var json = JsonDocument.Parse(body);
        Assert.Equal("/shop/orders/42", json.RootElement.GetProperty("instance").GetString());
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json")]
    public async Task AcceptHeader_AnyValue_StillGetsAProblemBody(string? accept)
    {
        await using var app = await StartThrowingAppAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/1");
        if (accept is not null)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        }

        var response = await app.GetTestClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task BadHttpRequestException_Production_KeepsItsStatusAndHidesItsMessage()
    {
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapPost("/upload", string () =>
            throw new BadHttpRequestException("Request body too large: SENTINEL-FRAMEWORK-MESSAGE", StatusCodes.Status413PayloadTooLarge)));

        var response = await app.GetTestClient().PostAsync("/upload", new StringContent("x"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain("SENTINEL-FRAMEWORK-MESSAGE", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(413, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Payload Too Large", json.RootElement.GetProperty("title").GetString());
        Assert.False(json.RootElement.TryGetProperty("detail", out _));
        Assert.False(json.RootElement.TryGetProperty("type", out _));
    }

    [Fact]
    public async Task BadHttpRequestException_400_UsesTheFrameworkTypeAndTitle()
    {
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/bad", string () =>
            throw new BadHttpRequestException("malformed")));

        var (response, body) = await GetAsync(app, "/bad");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("Bad Request", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task SuccessfulRequest_HandlerInPipeline_PassesThroughUnchanged()
    {
        await using var app = await TestApp.StartWithHandlerAsync(app => app.MapGet("/ok", (HttpContext context) =>
        {
            context.Response.Headers["X-Custom"] = "kept";
            return Results.Text("created!", "text/plain", statusCode: StatusCodes.Status201Created);
        }));

        var (response, body) = await GetAsync(app, "/ok");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("created!", body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kept", Assert.Single(response.Headers.GetValues("X-Custom")));
        Assert.False(response.Headers.Contains("Pragma"));
    }

    [Fact]
    public async Task SynchronousThrowInMiddleware_AfterTheHandler_IsHandled()
    {
        await using var app = await TestApp.StartAsync(
            app =>
            {
                app.UseGlobalErrorHandler();
                app.Use((RequestDelegate _) => _ => throw new InvalidOperationException("thrown synchronously"));
            },
            builder => builder.Services.AddGlobalErrorHandler());

        var (response, body) = await GetAsync(app, "/anything");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task FaultedTaskFromMiddleware_AfterTheHandler_IsHandled()
    {
        await using var app = await TestApp.StartAsync(
            app =>
            {
                app.UseGlobalErrorHandler();
                app.Use((RequestDelegate _) => _ => Task.FromException(new InvalidOperationException("faulted task")));
            },
            builder => builder.Services.AddGlobalErrorHandler());

        var (response, _) = await GetAsync(app, "/anything");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
