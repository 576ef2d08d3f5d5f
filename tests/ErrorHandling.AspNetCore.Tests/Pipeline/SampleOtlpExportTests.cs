using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>The sample with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, as a user pointing it at a collector runs it.</summary>
public sealed class SampleOtlpExportTests
{
    [Fact]
    public async Task OtlpEndpointUnreachable_FailingEndpoint_StillAnswersWithTheProblem()
    {
        // Port 9 (discard) on the loopback: nothing listens, so every export fails.
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"));

        var response = await factory.CreateClient().GetAsync("/throw");

        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());
        Assert.Equal(500, (int)response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("/throw", json.RootElement.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task NoOtlpEndpoint_Started_NoOpenTelemetryPipeline()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var response = await factory.CreateClient().GetAsync("/throw");

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Null(factory.Services.GetService<TracerProvider>());
    }
}
