using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary>The <c>ErrorCode</c> property of the <c>UnhandledException</c> event, as the framework's JSON console renders it.</summary>
public sealed class ErrorCodeLogTests
{
    private static async Task<JsonElement> LoggedLineAsync(Action<GlobalErrorHandlerOptions> configure, string path = "/fail")
    {
        FormattedLogProvider console = null!;
        await using var app = await TestApp.StartWithHandlerAsync(
            a =>
            {
                a.MapGet("/fail", string () => throw new KeyNotFoundException("SENTINEL"));
                a.MapGet("/other", string () => throw new InvalidOperationException("SENTINEL"));
            },
            builder =>
            {
                console = FormattedLogProvider.AddJsonConsole(builder);
                builder.Services.AddGlobalErrorHandler(configure);
            });

        var response = await app.GetTestClient().GetAsync(path);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);

        return Assert.Single(
            console.Lines.Select(line => JsonDocument.Parse(line).RootElement),
            line => line.GetProperty("Category").GetString() == HandlerLog.Category);
    }

    [Fact]
    public async Task MappingCode_Logged_UnhandledExceptionCarriesErrorCode()
    {
        var line = await LoggedLineAsync(o => o.Map<KeyNotFoundException>(404, m => m.Code = "order-not-found"));

        Assert.Equal(1, line.GetProperty("EventId").GetInt32());
        Assert.Equal("order-not-found", line.GetProperty("State").GetProperty("ErrorCode").GetString());
        Assert.Contains("order-not-found", line.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MappingWithoutCode_Logged_NoErrorCodeProperty()
    {
        var line = await LoggedLineAsync(o => o.Map<KeyNotFoundException>(404, m => m.Code = "order-not-found"), "/other");

        Assert.Equal(1, line.GetProperty("EventId").GetInt32());
        Assert.False(line.GetProperty("State").TryGetProperty("ErrorCode", out _));
        Assert.Equal("InvalidOperationException", line.GetProperty("State").GetProperty("ExceptionType").GetString()!.Split('.')[^1]);
    }

    [Fact]
    public async Task MappingCode_ErrorStormMode_CarriesErrorCodeBesideTheFingerprint()
    {
        var line = await LoggedLineAsync(o =>
        {
            o.ErrorStormWindow = TimeSpan.FromMinutes(1);
            o.LogRequestHeaders = true;
            o.Map<KeyNotFoundException>(404, m => m.Code = "order-not-found");
        });

        var state = line.GetProperty("State");
        Assert.Equal("order-not-found", state.GetProperty("ErrorCode").GetString());
        Assert.Equal(1, state.GetProperty("OccurrenceCount").GetInt32());
        Assert.True(state.TryGetProperty("RequestHeaders", out _));
    }
}
