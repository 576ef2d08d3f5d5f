using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore.Benchmarks;

/// <summary>
/// A real request pipeline, built with <see cref="ApplicationBuilder"/> from the service provider of
/// a real (never started) <see cref="WebApplication"/>, and invoked on one reused
/// <see cref="DefaultHttpContext"/> whose response is reset between calls.
/// </summary>
public sealed class BenchmarkPipeline : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestDelegate _pipeline;
    private readonly DefaultHttpContext _context;

    private BenchmarkPipeline(WebApplication app, RequestDelegate pipeline)
    {
        _app = app;
        _pipeline = pipeline;
        _context = new DefaultHttpContext { RequestServices = app.Services };
        var request = _context.Request;
        request.Method = HttpMethods.Get;
        request.Scheme = "http";
        request.Host = new HostString("localhost");
        request.Path = "/orders/42";
        request.QueryString = new QueryString("?page=2");
        _context.Response.Body = Stream.Null;

        // Once, so the lazily created trace identifier is not counted in every call.
        _ = _context.TraceIdentifier;
    }

    public HttpContext Context => _context;

    public static BenchmarkPipeline Create(
        Action<IServiceCollection> configureServices,
        Action<IApplicationBuilder> configurePipeline,
        string environment = "Production",
        Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        configureServices(builder.Services);
        var app = builder.Build();

        var pipeline = new ApplicationBuilder(app.Services);
        configurePipeline(pipeline);
        return new BenchmarkPipeline(app, pipeline.Build());
    }

    public Task InvokeAsync()
    {
        var response = _context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.Clear();
        return _pipeline(_context);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
