using System.Buffers;
using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Responses;

public sealed class CustomizationTests
{
    private sealed class OrderException(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }

    private static async Task<(WebApplication App, HttpResponseMessage Response, string Body)> ThrowAsync(
        Action<WebApplicationBuilder> configure,
        string environment = "Production")
    {
        var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/orders/{id}", string () => throw new OrderException("ORD-17", "SENTINEL order 17 is locked")),
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
                configure(builder);
            },
            environment);
        var response = await app.GetTestClient().GetAsync("/orders/17");
        return (app, response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CustomizeProblemDetails_AddsAnExtensionAndChangesTheTitle_BodyCarriesBoth()
    {
        var (app, _, body) = await ThrowAsync(b => b.Services.AddGlobalErrorHandler(o => o.CustomizeProblemDetails = context =>
        {
            if (context.Exception is OrderException order)
            {
                context.ProblemDetails.Extensions["errorCode"] = order.Code;
                context.ProblemDetails.Title = "Order problem";
            }
        }));
        await using var running = app;

        using var json = JsonDocument.Parse(body);
        Assert.Equal("ORD-17", json.RootElement.GetProperty("errorCode").GetString());
        Assert.Equal("Order problem", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, json.RootElement.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("SENTINEL", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomizeProblemDetails_ComplexExtension_SerializedWithTheAppsJsonOptions()
    {
        var (app, _, body) = await ThrowAsync(b => b.Services.AddGlobalErrorHandler(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["retry"] = new RetryHint(3, TimeSpan.FromSeconds(2))));
        await using var running = app;

        using var json = JsonDocument.Parse(body);
        var retry = json.RootElement.GetProperty("retry");
        Assert.Equal(3, retry.GetProperty("attempts").GetInt32());
        Assert.Equal("00:00:02", retry.GetProperty("after").GetString());
    }

    private sealed record RetryHint(int Attempts, TimeSpan After);

    [Fact]
    public async Task CustomizeProblemDetails_ChangesTheStatus_ResponseAndLogFollow()
    {
        var (app, response, body) = await ThrowAsync(b => b.Services.AddGlobalErrorHandler(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Status = StatusCodes.Status503ServiceUnavailable));
        await using var running = app;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(503, json.RootElement.GetProperty("status").GetInt32());
        var record = Assert.Single(HandlerLog.Records(app.Services));
        Assert.Contains(new KeyValuePair<string, string?>("StatusCode", "503"), record.StructuredState!);
    }

    [Fact]
    public async Task FrameworkCustomizeProblemDetails_Registered_RunsBeforeOurs()
    {
        var (app, _, body) = await ThrowAsync(b =>
        {
            b.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
                context.ProblemDetails.Extensions["node"] = "web-3");
            b.Services.AddGlobalErrorHandler(o => o.CustomizeProblemDetails = context =>
                context.ProblemDetails.Extensions["seenNode"] = context.ProblemDetails.Extensions["node"]);
        });
        await using var running = app;

        using var json = JsonDocument.Parse(body);
        Assert.Equal("web-3", json.RootElement.GetProperty("node").GetString());
        Assert.Equal("web-3", json.RootElement.GetProperty("seenNode").GetString());
    }

    [Theory]
    [InlineData("Production", GlobalErrorHandlerOptions.DefaultGenericDetail)]
    [InlineData("Development", "SENTINEL order 17 is locked")]
    public async Task ResponseWriter_ClassicErrorShape_GenericInProductionDetailedInDevelopment(string environment, string expectedMessage)
    {
        var (app, response, body) = await ThrowAsync(
            b => b.Services.AddGlobalErrorHandler(o => o.ResponseWriter = context =>
            {
                var status = context.ProblemDetails.Status ?? 500;
                return context.HttpContext.Response.WriteAsJsonAsync(new Dictionary<string, string?>
                {
                    ["error"] = ReasonPhrases.GetReasonPhrase(status),
                    ["message"] = context.ProblemDetails.Detail,
                });
            }),
            environment);
        await using var running = app;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["error", "message"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Internal Server Error", json.RootElement.GetProperty("error").GetString());
        Assert.Equal(expectedMessage, json.RootElement.GetProperty("message").GetString());
        Assert.Equal("no-cache", Assert.Single(response.Headers.GetValues("Pragma")));
    }

    [Fact]
    public async Task ResponseWriter_SetsItsOwnStatusAndWritesThroughTheBodyWriter_SentAsWrittenAndTheEventCarriesThatStatus()
    {
        var (app, response, body) = await ThrowAsync(b => b.Services.AddGlobalErrorHandler(o => o.ResponseWriter = context =>
        {
            var httpResponse = context.HttpContext.Response;
            httpResponse.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpResponse.ContentType = "text/plain";

            // Written without a flush: what the writer wrote is sent all the same.
            httpResponse.BodyWriter.Write("order service unavailable"u8);
            return Task.CompletedTask;
        }));
        await using var running = app;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("order service unavailable", body);
        Assert.Equal(25, response.Content.Headers.ContentLength);
        var record = Assert.Single(HandlerLog.Records(app.Services));
        Assert.Equal("503", record.GetStructuredStateValue("StatusCode"));
    }

    [Fact]
    public async Task CustomizeProblemDetails_Throws_LogsOneThenThreeAndSendsTheMinimal500()
    {
        var (app, response, body) = await ThrowAsync(b => b.Services.AddGlobalErrorHandler(o => o.CustomizeProblemDetails = _ =>
            throw new InvalidCastException("callback bug")));
        await using var running = app;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, json.RootElement.GetProperty("detail").GetString());
        var records = HandlerLog.Records(app.Services);
        Assert.Equal([1, 3], records.Select(r => r.Id.Id));
        Assert.IsType<OrderException>(records[0].Exception);
        Assert.IsType<InvalidCastException>(records[1].Exception);
    }

    [Fact]
    public async Task ResponseWriter_Throws_LogsOneThenThreeAndSendsTheMinimal500()
    {
        var (app, response, body) = await ThrowAsync(b => b.Services.AddGlobalErrorHandler(o => o.ResponseWriter = _ =>
            throw new InvalidCastException("writer bug")));
        await using var running = app;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("writer bug", body, StringComparison.Ordinal);
        Assert.Equal([1, 3], HandlerLog.Records(app.Services).Select(r => r.Id.Id));
    }
}
