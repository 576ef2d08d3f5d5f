using System.Diagnostics;
using ErrorHandling.AspNetCore.Testing;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary>Tracing listeners are process-wide: these tests run alone, so no other test's listener records their activities.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExceptionRenderingCostGroup
{
    public const string Name = "Exception rendering cost";
}

/// <summary>
/// How often one failure renders its exception (<c>ToString()</c>, the stack trace) with the JSON console logger
/// on: once for the log event, plus once for the activity only when a tracing listener records it.
/// </summary>
[Collection(ExceptionRenderingCostGroup.Name)]
public sealed class ExceptionRenderingCostTests
{
    private const int Failures = 20;

    private static async Task<int> RenderingsPerFailuresAsync(
        int expected, Action<WebApplicationBuilder>? configure = null, string? traceparent = null)
    {
        var label = Guid.NewGuid().ToString("N");
        await using var app = await TestApp.StartWithHandlerAsync(
            a => a.MapGet("/fail", string () => throw new RenderCountingException(label)),
            builder =>
            {
                FormattedLogProvider.AddJsonConsole(builder);
                configure?.Invoke(builder);
            });
        var client = app.GetTestClient();
        if (traceparent is not null)
        {
            client.DefaultRequestHeaders.Add("traceparent", traceparent);
        }

        // The first failure of a type that overrides ToString() is also rendered once by the handler, to learn
        // that it renders without throwing; what is measured is the cost of every failure after it.
        await client.GetAsync("/fail");
        var before = RenderCountingException.RenderingsOf(label);
        for (var i = 0; i < Failures; i++)
        {
            await client.GetAsync("/fail");
        }

        // The client can have its response before the server has finished the request.
        await ServerWork.WaitUntilAsync(() => RenderCountingException.RenderingsOf(label) - before >= expected, TimeSpan.FromSeconds(10));

        return RenderCountingException.RenderingsOf(label) - before;
    }

    [Fact]
    public async Task LoggingOn_NoTracingListener_RendersOncePerFailure()
    {
        Assert.Equal(Failures, await RenderingsPerFailuresAsync(Failures));
    }

    [Fact]
    public async Task LoggingOn_SampledTraceparentButNoListener_RendersOncePerFailure()
    {
        Assert.Equal(Failures, await RenderingsPerFailuresAsync(Failures, traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
    }

    [Fact]
    public async Task LoggingAndOpenTelemetryTracingOn_RendersForTheLogAndTheSpan_AndTheSpanHasTheEvent()
    {
        var exported = new List<Activity>();

        var renderings = await RenderingsPerFailuresAsync(2 * Failures, builder =>
            builder.Services.AddOpenTelemetry().WithTracing(t => t.AddAspNetCoreInstrumentation().AddInMemoryExporter(exported)));

        await ServerWork.WaitUntilAsync(() => exported.Count >= Failures + 1, TimeSpan.FromSeconds(10));

        Assert.Equal(2 * Failures, renderings);
        Assert.Equal(Failures + 1, exported.Count);
        Assert.All(exported, activity =>
        {
            var exception = Assert.Single(activity.Events, e => e.Name == "exception");
            Assert.Equal(typeof(RenderCountingException).FullName, exception.Tags.Single(t => t.Key == "exception.type").Value);
        });
    }

    [Fact]
    public async Task LoggingOn_ErrorStormWindow_RepeatedFailureRendersNothing()
    {
        var renderings = await RenderingsPerFailuresAsync(0, builder =>
            builder.Services.AddGlobalErrorHandler(o => o.ErrorStormWindow = TimeSpan.FromHours(1)));

        Assert.Equal(0, renderings);
    }
}
