using System.Globalization;
using ErrorHandling.AspNetCore;
using Microsoft.Extensions.Diagnostics.Buffering;
using Serilog;
using Serilog.Events;

namespace ErrorHandling.Snippets;

/// <summary>The C# blocks of docs/logging.md.</summary>
public static class LoggingSnippets
{
    /// <summary>Turns on error-storm mode in code.</summary>
    public static void ErrorStormWindow(WebApplicationBuilder builder)
    {
        // <error-storm-window>
        builder.Services.AddGlobalErrorHandler(options => options.ErrorStormWindow = TimeSpan.FromSeconds(10));
        // </error-storm-window>
    }

    /// <summary>Caps the events of each fingerprint per window in error-storm mode.</summary>
    public static void ErrorStormCap(WebApplicationBuilder builder)
    {
        // <error-storm-cap>
        builder.Services.AddGlobalErrorHandler(options =>
        {
            options.ErrorStormWindow = TimeSpan.FromSeconds(10);
            options.ErrorStormEventsPerWindow = 1;
        });
        // </error-storm-cap>
    }

    /// <summary>Buffers Debug and lower log lines, and writes them when a request fails.</summary>
    public static void FlushLogBufferWhenARequestFails(WebApplicationBuilder builder)
    {
        // <flush-log-buffer-registration>
        builder.Logging.AddGlobalBuffer(LogLevel.Debug);
        builder.Services.AddGlobalErrorHandler();
        builder.Services.AddSingleton<IRequestFailureObserver, FlushLogBufferOnFailure>();
        // </flush-log-buffer-registration>
    }

    // <flush-log-buffer-observer>
    /// <summary>Writes the buffered log lines when a request fails, so its Debug lines come with its error.</summary>
    public sealed class FlushLogBufferOnFailure(GlobalLogBuffer buffer) : IRequestFailureObserver
    {
        /// <inheritdoc />
        public void OnRequestFailed(RequestFailure failure) => buffer.Flush();
    }
    // </flush-log-buffer-observer>

    /// <summary>Logs the request headers, redacted, with EventIds 1 and 2.</summary>
    public static void LogRequestHeaders(WebApplicationBuilder builder)
    {
        // <log-request-headers>
        builder.Services.AddGlobalErrorHandler(options => options.LogRequestHeaders = true);
        // </log-request-headers>
    }

    /// <summary>Gives the JSON console's entries an ISO 8601 UTC timestamp.</summary>
    public static void JsonConsoleTimestamp(WebApplicationBuilder builder)
    {
        // <json-console-timestamp>
        builder.Logging.AddJsonConsole(options =>
        {
            options.TimestampFormat = "O";
            options.UseUtcTimestamp = true;
        });
        // </json-console-timestamp>
    }

    /// <summary>One Serilog event per failed request: the request completion event.</summary>
    public static WebApplication SerilogOneEventPerRequest(WebApplicationBuilder builder)
    {
        // <serilog-one-event>
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture));
        builder.Services.AddGlobalErrorHandlerSerilog();                                   // the integration
        builder.Services.AddGlobalErrorHandler(options => options.LogFailedRequests = false); // no second event

        var app = builder.Build();
        app.UseSerilogRequestLogging();   // before the handler, so the handler runs inside its scope
        app.UseGlobalErrorHandler();
        // </serilog-one-event>
        return app;
    }
}
