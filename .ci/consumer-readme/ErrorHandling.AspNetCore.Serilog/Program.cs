// The README's Serilog section, in a fresh `dotnet new web` app that installed the package with the README's line.
using Serilog;
using Serilog.Events;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((services, logger) => logger
    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
    .WriteTo.Console());
builder.Services.AddGlobalErrorHandlerSerilog();
builder.Services.AddGlobalErrorHandler(options => options.LogFailedRequests = false);

var app = builder.Build();
app.UseSerilogRequestLogging();
app.UseGlobalErrorHandler();
app.MapGet("/throw", string () => throw new InvalidOperationException("SENTINEL-CONSUMER-MESSAGE"));

// The check script reads the address from here, since the port is chosen by the OS.
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("LISTENING " + app.Urls.First()));
app.Run();
