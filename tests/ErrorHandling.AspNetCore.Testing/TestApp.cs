using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore.Testing;

/// <summary>
/// Builds a real <see cref="WebApplication"/> for a test: on <see cref="TestServer"/> by default, or
/// on Kestrel bound to 127.0.0.1 when sockets matter.
/// </summary>
public static class TestApp
{
    private static readonly Lazy<string> EmptyContentRoot = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ErrorHandling.AspNetCore.Tests", "content-root")).FullName);

    public static async Task<WebApplication> StartAsync(
        Action<WebApplication> configureApp,
        Action<WebApplicationBuilder>? configureBuilder = null,
        string environment = "Production",
        bool kestrel = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = typeof(TestApp).Assembly.GetName().Name,

            // The test output also holds the sample's appsettings.json; an empty content root keeps
            // these apps on the library's defaults.
            ContentRootPath = EmptyContentRoot.Value,
        });
        builder.Logging.ClearProviders();
        if (kestrel)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        configureBuilder?.Invoke(builder);
        var app = builder.Build();
        configureApp(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>An app whose only middleware is the global error handler in front of <paramref name="mapEndpoints"/>.</summary>
    public static Task<WebApplication> StartWithHandlerAsync(
        Action<WebApplication> mapEndpoints,
        Action<WebApplicationBuilder>? configureBuilder = null,
        string environment = "Production",
        bool kestrel = false) =>
        StartAsync(
            app =>
            {
                app.UseGlobalErrorHandler();
                mapEndpoints(app);
            },
            builder =>
            {
                builder.Services.AddGlobalErrorHandler();
                configureBuilder?.Invoke(builder);
            },
            environment,
            kestrel);

    public static Uri KestrelAddress(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
