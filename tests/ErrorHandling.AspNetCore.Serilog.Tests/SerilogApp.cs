using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Events;

namespace ErrorHandling.AspNetCore.Serilog.Tests;

/// <summary>
/// A real <see cref="WebApplication"/> on <see cref="TestServer"/> (or Kestrel on 127.0.0.1) that logs through Serilog, with
/// <c>UseSerilogRequestLogging()</c> in front of <c>UseGlobalErrorHandler()</c>, as the README shows.
/// </summary>
public static class SerilogApp
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 30, 15, 123, TimeSpan.Zero);

    private static readonly Lazy<string> EmptyContentRoot = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ErrorHandling.AspNetCore.Serilog.Tests", "content-root")).FullName);

    public static async Task<WebApplication> StartAsync(
        InMemorySink sink,
        Action<WebApplication> mapEndpoints,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<WebApplication>? beforeRequestLogging = null,
        Action<RequestLoggingOptions>? configureRequestLogging = null,
        bool kestrel = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = typeof(SerilogApp).Assembly.GetName().Name,
            ContentRootPath = EmptyContentRoot.Value,
        });
        if (kestrel)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        // As Serilog.AspNetCore recommends with request logging: the framework's own per-request
        // events are quietened, so the completion event is the request's one event.
        var logger = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.Sink(sink)
            .CreateLogger();
        builder.Services.AddSerilog(logger, dispose: true);

        // The request logging middleware otherwise writes through the static Log.Logger, which tests
        // running in parallel would share.
        builder.Services.Configure<RequestLoggingOptions>(o => o.Logger = logger);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        builder.Services.AddGlobalErrorHandlerSerilog();
        configureBuilder?.Invoke(builder);

        var app = builder.Build();
        beforeRequestLogging?.Invoke(app);
        app.UseSerilogRequestLogging(o => configureRequestLogging?.Invoke(o));
        app.UseGlobalErrorHandler();
        mapEndpoints(app);
        await app.StartAsync();
        return app;
    }

    public static Uri KestrelAddress(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
