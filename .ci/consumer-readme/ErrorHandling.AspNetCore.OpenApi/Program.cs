// The package README's code (src/ErrorHandling.AspNetCore.OpenApi/README.md shows the region), in a fresh
// `dotnet new web` app that installed the package with the README's line.
// <usage>
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGlobalErrorHandler(options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound));
builder.Services.AddOpenApi(options => options.AddGlobalErrorHandlerResponses());

var app = builder.Build();
app.UseGlobalErrorHandler();
app.MapOpenApi();   // the document at /openapi/v1.json
// </usage>
app.MapGet("/throw", string () => throw new InvalidOperationException("SENTINEL-CONSUMER-MESSAGE"));

// The check script reads the address from here, since the port is chosen by the OS.
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("LISTENING " + app.Urls.First()));
app.Run();
