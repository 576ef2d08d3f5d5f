using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace ErrorHandling.AspNetCore.Serilog.Tests;

/// <summary>The handler's <c>RequestHeaders</c> property as Serilog's own JSON formatter writes it.</summary>
public sealed class RequestHeadersTests
{
    [Fact]
    public async Task LogRequestHeaders_SerilogJsonFormatter_WritesTheRedactedHeadersAsAJsonObjectText()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            a => a.MapGet("/fail", string () => throw new InvalidOperationException("boom")),
            builder => builder.Services.AddGlobalErrorHandler(o => o.LogRequestHeaders = true));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fail");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer SENTINEL-BEARER");
        request.Headers.TryAddWithoutValidation("X-Trace-Tag", "req-7");

        await app.GetTestClient().SendAsync(request);

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new JsonFormatter().Format(Assert.Single(sink.Events, e => e.IsFromHandler()), writer);
        using var line = JsonDocument.Parse(writer.ToString());
        var property = line.RootElement.GetProperty("Properties").GetProperty("RequestHeaders").GetString()!;
        using var headers = JsonDocument.Parse(property);
        Assert.Equal("***", headers.RootElement.GetProperty("Authorization").GetString());
        Assert.Equal("req-7", headers.RootElement.GetProperty("X-Trace-Tag").GetString());
        Assert.DoesNotContain("SENTINEL-BEARER", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogRequestHeaders_CompletionEvent_CarriesTheRedactedHeadersAsAStructure()
    {
        var sink = new InMemorySink();
        await using var app = await SerilogApp.StartAsync(
            sink,
            a => a.MapGet("/fail", string () => throw new InvalidOperationException("boom")),
            builder => builder.Services.AddGlobalErrorHandler(o =>
            {
                o.LogRequestHeaders = true;
                o.LogFailedRequests = false;
            }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fail");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer SENTINEL-BEARER");
        request.Headers.TryAddWithoutValidation("X-Trace-Tag", "req-7");

        await app.GetTestClient().SendAsync(request);

        var completion = Assert.Single(sink.Events);
        var headers = Assert.IsType<DictionaryValue>(completion.Properties["RequestHeaders"]);
        var values = headers.Elements.ToDictionary(static e => (string)e.Key.Value!, static e => ((ScalarValue)e.Value).Value);
        Assert.Equal("***", values["Authorization"]);
        Assert.Equal("req-7", values["X-Trace-Tag"]);
    }
}
