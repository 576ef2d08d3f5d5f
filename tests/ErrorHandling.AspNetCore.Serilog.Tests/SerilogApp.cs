using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Core;
using Serilog.Events;

namespace ErrorHandling.AspNetCore.Serilog.Tests;

/// <summary>
/// A <see cref="TestApp"/> app (on <see cref="TestServer"/>, or Kestrel on 127.0.0.1) that logs through Serilog, with
/// <c>UseSerilogRequestLogging()</c> in front of <c>UseGlobalErrorHandler()</c>, as the package's README shows.
/// </summary>
public static class SerilogApp
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 30, 15, 123, TimeSpan.Zero);

    public static Task<WebApplication> StartAsync(
        ILogEventSink sink,
        Action<WebApplication> mapEndpoints,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<WebApplication>? beforeRequestLogging = null,
        Action<RequestLoggingOptions>? configureRequestLogging = null,
        bool kestrel = false) =>
        TestApp.StartAsync(
            app =>
            {
                beforeRequestLogging?.Invoke(app);
                app.UseSerilogRequestLogging(o => configureRequestLogging?.Invoke(o));
                app.UseGlobalErrorHandler();
                mapEndpoints(app);
            },
            builder =>
            {
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
            },
            kestrel: kestrel);
}
