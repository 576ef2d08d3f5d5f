using System.Globalization;
using ErrorHandling.Sample;
using ErrorHandling.Sample.Errors;
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
builder.Services.AddExceptionHandler<PaymentDeclinedExceptionHandler>();
builder.Services.AddGlobalErrorHandler(options =>
{
    options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound);
    options.Map<ArgumentException>(StatusCodes.Status400BadRequest, mapping => mapping.ExposeMessage = true);
    options.Map<OrderLockedException>(StatusCodes.Status409Conflict, mapping => mapping.Title = "The order is locked");
    options.CustomizeProblemDetails = context =>
    {
        if (context.Exception is OrderLockedException locked)
        {
            context.ProblemDetails.Extensions["errorCode"] = locked.ErrorCode;
        }
    };
    options.PassThrough = static (_, exception) => exception is MaintenanceModeException;
    options.WriteProblemDetailsForEmptyResponses = true;
});

var app = builder.Build();

app.UseMiddleware<MaintenanceModeMiddleware>();
app.UseGlobalErrorHandler();
app.MapControllers();
app.MapSampleEndpoints();

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
    $"ErrorHandling sample ({app.Environment.EnvironmentName}) listening on {string.Join(", ", app.Urls)}; open / for the failing endpoints."));

app.Run();
