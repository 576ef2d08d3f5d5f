// The package README's code (src/ErrorHandling.AspNetCore.Serilog/README.md shows the region), in a fresh
// `dotnet new web` app that installed the package with the README's line.
// <usage>
using Serilog;
using Serilog.Events;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((services, logger) => logger
    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
    .WriteTo.Console());
builder.Services.AddGlobalErrorHandlerSerilog();
builder.Services.AddGlobalErrorHandler(options => options.LogFailedRequests = false);   // no second event

var app = builder.Build();
app.UseSerilogRequestLogging();   // before the handler, so the handler runs inside its scope
app.UseGlobalErrorHandler();
// </usage>
app.MapGet("/throw", string () => throw new InvalidOperationException("SENTINEL-CONSUMER-MESSAGE"));

// The check script reads the address from here, since the port is chosen by the OS.
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("LISTENING " + app.Urls.First()));
app.Run();
