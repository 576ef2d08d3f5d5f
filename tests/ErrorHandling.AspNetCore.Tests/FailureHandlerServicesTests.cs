using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace ErrorHandling.AspNetCore.Tests;

/// <summary>The failure handler's stages are composed once, by the app's services, for every place the middleware is used.</summary>
public sealed class FailureHandlerServicesTests
{
    private static readonly RequestDelegate Throw = static _ => throw new InvalidOperationException("The same failure.");

    [Fact]
    public async Task MiddlewareInTwoBranches_SameFailure_OneErrorStormWindowForBoth()
    {
        var sink = new InMemorySink();
        var app = await TestApp.StartAsync(
            app =>
            {
                app.Map("/first", branch => branch.UseGlobalErrorHandler().Run(Throw));
                app.Map("/second", branch => branch.UseGlobalErrorHandler().Run(Throw));
            },
            builder =>
            {
                builder.Services.AddGlobalErrorHandler(options => options.ErrorStormWindow = TimeSpan.FromMinutes(1));
                builder.Services.AddSerilog(new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger(), dispose: true);
            });
        await using var _ = app;
        var client = app.GetTestClient();

        await client.GetAsync("/first");
        await client.GetAsync("/second");

        var events = sink.Events.Where(static e => e.EventId() == 1 && e.Scalar("SourceContext") is "ErrorHandling.AspNetCore.GlobalErrorHandler").ToArray();
        Assert.Equal(2, events.Length);
        Assert.NotNull(events[0].Exception);
        Assert.Null(events[1].Exception);
        Assert.Equal([1L, 2L], events.Select(e => e.Scalar("OccurrenceCount")));
    }

    [Fact]
    public void AddGlobalErrorHandler_CalledTwice_OneFailureHandler()
    {
        var services = new ServiceCollection().AddGlobalErrorHandler().AddGlobalErrorHandler();

        var registration = Assert.Single(services, d => d.ServiceType == typeof(FailureHandler));
        Assert.Equal(ServiceLifetime.Singleton, registration.Lifetime);
    }
}
