using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>A real host whose <c>/fail</c> throws what a test gives it, with the handler configured as the test says.</summary>
public static class ShapingApp
{
    public const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    public static async Task<(WebApplication App, HttpResponseMessage Response, string Body)> FailAsync(
        Func<Exception> exception, Action<GlobalErrorHandlerOptions> configure, string environment = "Production", string? accept = null)
    {
        var app = await TestApp.StartWithHandlerAsync(
            a => a.MapGet("/fail", string () => throw exception()),
            builder =>
            {
                builder.Services.AddGlobalErrorHandler(configure);
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
            },
            environment);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fail");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await app.GetTestClient().SendAsync(request);
        return (app, response, await response.Content.ReadAsStringAsync());
    }

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;
}
