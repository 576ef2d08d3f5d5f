using System.Globalization;
using ErrorHandling.Sample;
using ErrorHandling.Sample.Errors;
using ErrorHandling.Sample.Shaping;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Events;

var builder = WebApplication.CreateBuilder(args);

// With OTEL_EXPORTER_OTLP_ENDPOINT set (http://localhost:4317 for a local collector, Jaeger, Seq, Aspire's
// dashboard...), traces, metrics and logs are also exported through OTLP; the console keeps Serilog's output.
var exportsOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
if (exportsOtlp)
{
    // Serilog owns the logger factory; the only provider it forwards events to is OpenTelemetry's, so the
    // framework's default console provider must not print every event a second time.
    builder.Logging.ClearProviders();
    builder.Services.AddOpenTelemetry()
        .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
        .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())
        .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter("ErrorHandling.AspNetCore"))
        .WithLogging()
        .UseOtlpExporter();
}

builder.Services.AddSerilog(
    (services, logger) => logger
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
        .MinimumLevel.Override("ErrorHandling.AspNetCore", LogEventLevel.Debug)
        .Enrich.FromLogContext()
        .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture),
    writeToProviders: exportsOtlp);

builder.Services.AddControllers();
builder.Services.AddProblemDetails();

// The handler's titles and details in the client's language: English as written, German from
// Resources/SharedResource.de.resx.
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddExceptionHandler<PaymentDeclinedExceptionHandler>();
builder.Services.AddGlobalErrorHandler(options =>
{
    // Each code is part of the API's contract: it is in the body, the log event and the OpenAPI document, and with
    // ProblemTypeBaseUri (appsettings.json) it names the problem's type.
    options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound, mapping => mapping.Code = "order-not-found");
    options.Map<ArgumentException>(StatusCodes.Status400BadRequest, mapping => (mapping.Code, mapping.ExposeMessage) = ("invalid-order", true));
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
    options.LocalizeWith<SharedResource>();
    ShapingEndpoints.MapShapedProblems(options);
});

// The OpenAPI document declares the handler's responses on every operation: 500, and 400, 404, 409 and 504 from
// the mappings above and in appsettings.json, with an example for each error code.
builder.Services.AddOpenApi(options => options.AddGlobalErrorHandlerResponses());

var app = builder.Build();

app.UseMiddleware<MaintenanceModeMiddleware>();
app.UseGlobalErrorHandler();

// After the handler, as usual; the handler still answers in the culture chosen here (Accept-Language: de).
app.UseRequestLocalization(options => options
    .SetDefaultCulture("en")
    .AddSupportedCultures("en", "de")
    .AddSupportedUICultures("en", "de"));
app.UseWhen(
    context => context.Request.Path.StartsWithSegments("/status-pages"),
    branch => branch.UseStatusCodePages());
app.MapControllers();
app.MapSampleEndpoints();
app.MapShapingEndpoints();
if (app.Environment.IsDevelopment())
{
    // The document at /openapi/v1.json and a browsable API reference at /scalar; the page loads nothing from
    // elsewhere (fonts, telemetry, its AI chat).
    app.MapOpenApi();
    app.MapScalarApiReference(options =>
    {
        options.DefaultFonts = false;
        options.Telemetry = false;
        options.Agent = new ScalarAgentOptions { Disabled = true };
    });
}

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
    $"ErrorHandling sample ({app.Environment.EnvironmentName}) listening on {string.Join(", ", app.Urls)}; open / for the failing endpoints."));

app.Run();
