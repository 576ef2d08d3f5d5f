using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Responses;

/// <summary>
/// A status decided at run time that no problem can be sent with — outside 100–599, or one whose response has no
/// body (1xx, 204, 205, 304) — is a failure of the handler, on the real wire: the minimal 500, never a reset
/// connection or an invalid status line.
/// </summary>
public sealed class UnsendableStatusTests
{
    private sealed class OrderException() : Exception("SENTINEL order failed");

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        string[] sources = ["selector", "factory", "problemDetailsException", "badHttpRequestException", "customization", "frameworkCustomization", "responseWriter"];
        int[] statuses = [100, 101, 103, 204, 205, 304, -1, 0, 99, 600, 700];
        foreach (var source in sources)
        {
            foreach (var status in statuses)
            {
                data.Add(source, status);
            }
        }

        return data;
    }

    private static Exception Thrown(string source, int status) => source switch
    {
        "problemDetailsException" => new ProblemDetailsException(new ProblemDetails { Status = status }),
        "badHttpRequestException" => new BadHttpRequestException("SENTINEL bad request", status),
        _ => new OrderException(),
    };

    private static void Configure(string source, int status, WebApplicationBuilder builder)
    {
        if (source == "frameworkCustomization")
        {
            builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context => context.ProblemDetails.Status = status);
        }

        builder.Services.AddGlobalErrorHandler(o =>
        {
            switch (source)
            {
                case "selector":
                    o.Map<OrderException>(_ => status);
                    break;
                case "factory":
                    o.Map<OrderException>((_, _) => new ProblemDetails { Status = status });
                    break;
                case "customization":
                    o.CustomizeProblemDetails = context => context.ProblemDetails.Status = status;
                    break;
                case "responseWriter":
                    o.ResponseWriter = context =>
                    {
                        context.HttpContext.Response.StatusCode = status;
                        return context.HttpContext.Response.WriteAsync("{\"error\":\"order\"}");
                    };
                    break;
            }
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task StatusDecidedAtRunTime_NoProblemCanBeSentWithIt_Minimal500OnKestrelAndEventsOneThenThree(string source, int status)
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            a => a.MapGet("/fail", string () => throw Thrown(source, status)),
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
                Configure(source, status, builder);
            },
            kestrel: true);
        using var client = new HttpClient { BaseAddress = app.KestrelAddress(), Timeout = TimeSpan.FromSeconds(30) };

        var response = await client.GetAsync("/fail");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, json.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("SENTINEL", body, StringComparison.Ordinal);
        var records = HandlerLog.Records(app.Services);
        Assert.Equal([1, 3], records.Select(r => r.Id.Id));
        Assert.Equal("500", records[0].GetStructuredStateValue("StatusCode"));
        Assert.Equal(LogLevel.Error, records[0].Level);
        var handlerFailure = Assert.IsType<InvalidOperationException>(records[1].Exception);
        Assert.Contains($"the status {status};", handlerFailure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(204)]
    [InlineData(304)]
    [InlineData(-1)]
    [InlineData(700)]
    public async Task EmptyErrorResponse_CustomizationSetsAStatusNoProblemCanBeSentWith_LeftAsTheAppLeftItAndEventThree(int status)
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            a => a.MapGet("/missing", () => Results.StatusCode(StatusCodes.Status404NotFound)),
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
                builder.Services.AddGlobalErrorHandler(o =>
                {
                    o.WriteProblemDetailsForEmptyResponses = true;
                    o.CustomizeProblemDetails = context => context.ProblemDetails.Status = status;
                });
            },
            kestrel: true);
        using var client = new HttpClient { BaseAddress = app.KestrelAddress(), Timeout = TimeSpan.FromSeconds(30) };

        var response = await client.GetAsync("/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var record = Assert.Single(HandlerLog.Records(app.Services));
        Assert.Equal(3, record.Id.Id);
        Assert.Contains($"the status {status};", Assert.IsType<InvalidOperationException>(record.Exception).Message, StringComparison.Ordinal);
    }
}
