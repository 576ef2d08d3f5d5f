using System.Globalization;
using ErrorHandling.Sample;
using Serilog;
using Serilog.Events;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
    .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
    .MinimumLevel.Override("ErrorHandling.AspNetCore", LogEventLevel.Debug)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture));

builder.Services.AddControllers();
builder.Services.AddGlobalErrorHandler();

var app = builder.Build();

app.UseGlobalErrorHandler();
app.MapControllers();
app.MapSampleEndpoints();

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
    $"ErrorHandling sample ({app.Environment.EnvironmentName}) listening on {string.Join(", ", app.Urls)}; open / for the failing endpoints."));

app.Run();
