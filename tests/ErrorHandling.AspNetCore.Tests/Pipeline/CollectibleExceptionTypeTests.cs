using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>
/// Exception types from collectible assemblies (plug-ins, scripts, dynamic proxies) must be unloadable after they
/// were thrown through the handler: nothing the handler keeps for the life of the app may hold them.
/// </summary>
public sealed class CollectibleExceptionTypeTests
{
    [Fact]
    public async Task CollectibleExceptionTypes_ThrownThroughTheHandler_TheirAssembliesAreCollectedWhileTheAppRuns()
    {
        var emitted = new CollectibleExceptions();
        FormattedLogProvider? log = null;
        await using var app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/plugin", string () => throw emitted.Create("plug-in failed")),
            builder =>
            {
                // A type mapping, so that the classifier looks the thrown types up, and a logger that renders the
                // event, so that the exception is checked before it is attached.
                builder.Services.AddGlobalErrorHandler(o => o.Map<KeyNotFoundException>(StatusCodes.Status404NotFound));
                log = FormattedLogProvider.AddJsonConsole(builder);
            });
        var client = app.GetTestClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/plugin");
            Assert.Equal(500, (int)response.StatusCode);
        }

        Assert.Equal(3, log!.Lines.Count(line => line.Contains("Collectible.EmittedException: plug-in failed", StringComparison.Ordinal)));
        Assert.Equal(0, emitted.AliveAfterCollecting());
        GC.KeepAlive(app);
    }
}
