var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddGlobalErrorHandler(options =>
    options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound));

var app = builder.Build();
app.UseGlobalErrorHandler();
app.MapGet("/ok", () => "ok");
app.MapGet("/throw", string () => throw new InvalidOperationException("SENTINEL-CONSUMER-MESSAGE"));
app.MapGet("/orders/{id}", string (int id) => throw new KeyNotFoundException($"Order {id} does not exist."));

// The check script reads the address from here, since the port is chosen by the OS.
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine("LISTENING " + app.Urls.First()));
app.Run();
