using ErrorHandling.AspNetCore;
using ErrorHandling.AspNetCore.LoadApp;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

// The app scripts/load.sh puts under load on 127.0.0.1:
//   dotnet ErrorHandling.AspNetCore.LoadApp.dll --mode none|framework|ours|ours-storm|ours-summary|floor|floor-repeat --logging off|json|serilog --port 5310
// GET /ok succeeds, GET /fail throws four synchronous frames deep, GET /fail-deep throws at the end of an async chain
// through service, unit of work, retry policy, repository, data access and driver layers (tens of frames), GET /gc gives
// the bytes allocated and the time paused for garbage collection since start-up (the script reads it around each run for
// the allocation per request).
// Logging, when on, goes to stdout at the usual levels (Information, Microsoft.AspNetCore at Warning, as in
// the web templates):
//   json     the framework's JSON console logger (AddJsonConsole)
//   serilog  Serilog's console sink with the compact JSON formatter, through Serilog.AspNetCore
var builder = WebApplication.CreateBuilder(args);
var mode = builder.Configuration["mode"] ?? "ours";
var logging = builder.Configuration["logging"] ?? "off";
var port = builder.Configuration.GetValue("port", 5310);

builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Logging.ClearProviders();
switch (logging)
{
    case "off":
        break;
    case "json":
        builder.Logging.AddJsonConsole();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        break;
    case "serilog":
        builder.Services.AddSerilog(static logger => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .WriteTo.Console(new CompactJsonFormatter()));
        break;
    default:
        throw new ArgumentException($"--logging must be off, json or serilog, not '{logging}'.", nameof(args));
}

switch (mode)
{
    case "none":
        break;
    case "framework":
        builder.Services.AddProblemDetails();
        break;
    case "ours":
        builder.Services.AddGlobalErrorHandler();
        break;
    case "ours-storm":
        builder.Services.AddGlobalErrorHandler(o => o.ErrorStormWindow = TimeSpan.FromSeconds(10));
        break;
    case "ours-summary":
        builder.Services.AddGlobalErrorHandler(o =>
        {
            o.ErrorStormWindow = TimeSpan.FromSeconds(10);
            o.ErrorStormEventsPerWindow = 1;
        });
        break;
    case "floor":
    case "floor-repeat":
        break;
    default:
        throw new ArgumentException($"--mode must be none, framework, ours, ours-storm, ours-summary, floor or floor-repeat, not '{mode}'.", nameof(args));
}

var app = builder.Build();
if (mode == "framework")
{
    app.UseExceptionHandler();
}
else if (mode.StartsWith("ours", StringComparison.Ordinal))
{
    app.UseGlobalErrorHandler();
}
else if (mode.StartsWith("floor", StringComparison.Ordinal))
{
    FloorErrorHandler.Use(app, logsRepeatEvent: mode == "floor-repeat");
}

app.MapGet("/ok", () => "ok");
app.MapGet("/fail", string () => Thrower.Throw());
app.MapGet("/fail-deep", OrderEndpoint.GetAsync);
app.MapGet("/gc", static () => string.Create(
    System.Globalization.CultureInfo.InvariantCulture,
    $"{GC.GetTotalAllocatedBytes()} {GC.GetTotalPauseDuration().TotalMilliseconds:0.###}"));
app.Run();
