using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>A streaming endpoint that throws after writing, on real Kestrel sockets.</summary>
public sealed class ResponseStartedTests
{
    [Fact]
    public async Task ThrowAfterTheResponseStarted_OnKestrel_OneEventTwoAbortedConnectionAndNoServerLog()
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            app =>
            {
                app.MapGet("/stream", async (HttpContext context) =>
                {
                    await context.Response.WriteAsync("partial-");
                    await context.Response.Body.FlushAsync();
                    throw new InvalidOperationException("the stream broke");
                });
                app.MapGet("/ok", () => "fine");
            },
            builder => builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging(),
            kestrel: true);
        using var client = new HttpClient { BaseAddress = app.KestrelAddress() };

        // The abort resets the connection: depending on timing the client fails reading the headers or
        // the body, but never sees a complete response.
        var incomplete = await Record.ExceptionAsync(async () =>
        {
            using var response = await client.GetAsync("/stream", HttpCompletionOption.ResponseHeadersRead);
            await response.Content.ReadAsStringAsync();
        });

        Assert.IsAssignableFrom<IOException>(incomplete is HttpRequestException { InnerException: { } inner } ? inner : incomplete);
        var errors = app.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= LogLevel.Error).ToArray();
        var record = Assert.Single(errors);
        Assert.Equal(HandlerLog.Category, record.Category);
        Assert.Equal(2, record.Id.Id);
        Assert.Equal("ResponseStarted", record.Id.Name);
        Assert.IsType<InvalidOperationException>(record.Exception);
        Assert.Contains(new KeyValuePair<string, string?>("RequestPath", "/stream"), record.StructuredState!);
        Assert.Contains(new KeyValuePair<string, string?>("StatusCode", "200"), record.StructuredState!);
        Assert.Equal("fine", await client.GetStringAsync("/ok"));
    }
}
