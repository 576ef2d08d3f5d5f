// The package README's code (src/ErrorHandling.AspNetCore/README.md shows the region), in a fresh `dotnet new web`
// app that installed the package with the README's line.
// <usage>
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGlobalErrorHandler();

var app = builder.Build();
app.UseGlobalErrorHandler();   // first, so it covers everything after it
// </usage>
app.MapGet("/throw", string () => throw new InvalidOperationException("SENTINEL-CONSUMER-MESSAGE"));

// The check script reads the address from here, since the port is chosen by the OS.
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("LISTENING " + app.Urls.First()));
app.Run();
