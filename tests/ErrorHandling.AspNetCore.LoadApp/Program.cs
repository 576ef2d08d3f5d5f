using ErrorHandling.AspNetCore;
using ErrorHandling.AspNetCore.LoadApp;

// The app scripts/load.sh puts under load on 127.0.0.1:
//   dotnet ErrorHandling.AspNetCore.LoadApp.dll --mode none|framework|ours|ours-storm --logging off|on --port 5310
// GET /ok succeeds, GET /fail throws. With logging on, the framework's JSON console logger writes to
// stdout at its usual levels (Microsoft.AspNetCore at Warning, as in the web templates).
var builder = WebApplication.CreateBuilder(args);
var mode = builder.Configuration["mode"] ?? "ours";
var logging = builder.Configuration["logging"] ?? "off";
var port = builder.Configuration.GetValue("port", 5310);

builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Logging.ClearProviders();
if (logging == "on")
{
    builder.Logging.AddJsonConsole();
    builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
}
else if (logging != "off")
{
    throw new ArgumentException($"--logging must be on or off, not '{logging}'.", nameof(args));
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
    default:
        throw new ArgumentException($"--mode must be none, framework, ours or ours-storm, not '{mode}'.", nameof(args));
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

app.MapGet("/ok", () => "ok");
app.MapGet("/fail", string () => Thrower.Throw());
app.Run();
