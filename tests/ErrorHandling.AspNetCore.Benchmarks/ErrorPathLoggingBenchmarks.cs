using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore.Benchmarks;

/// <summary>
/// A request that fails, with the framework's JSON console logger on. The console is redirected to
/// <see cref="TextWriter.Null"/>: the formatter (and so <c>Exception.ToString()</c>) runs on the
/// request's thread as in production, and only the final write is free.
/// </summary>
[MemoryDiagnoser]
public class ErrorPathLoggingBenchmarks
{
    private TextWriter _console = null!;
    private BenchmarkPipeline _framework = null!;
    private BenchmarkPipeline _ours = null!;
    private BenchmarkPipeline _oursErrorStorm = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Before any logger exists: the console logger keeps the writer it finds when it is created.
        _console = Console.Out;
        Console.SetOut(TextWriter.Null);

        _framework = BenchmarkPipeline.Create(
            services => services.AddProblemDetails(),
            app =>
            {
                app.UseExceptionHandler();
                app.Run(_ => Thrower.Throw());
            },
            configureLogging: ConfigureLogging);
        _ours = CreateOurs(errorStormWindow: null);
        _oursErrorStorm = CreateOurs(errorStormWindow: TimeSpan.FromHours(1));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _framework.DisposeAsync();
        await _ours.DisposeAsync();
        await _oursErrorStorm.DisposeAsync();
        Console.SetOut(_console);
    }

    [Benchmark(Baseline = true, Description = "UseExceptionHandler + AddProblemDetails, JSON console")]
    public Task Framework() => _framework.InvokeAsync();

    [Benchmark(Description = "UseGlobalErrorHandler, JSON console")]
    public Task Ours() => _ours.InvokeAsync();

    [Benchmark(Description = "UseGlobalErrorHandler + ErrorStormWindow, JSON console")]
    public Task OursErrorStorm() => _oursErrorStorm.InvokeAsync();

    private static void ConfigureLogging(ILoggingBuilder logging) => logging.AddJsonConsole();

    private static BenchmarkPipeline CreateOurs(TimeSpan? errorStormWindow) =>
        BenchmarkPipeline.Create(
            services => services.AddGlobalErrorHandler(o => o.ErrorStormWindow = errorStormWindow),
            app =>
            {
                app.UseGlobalErrorHandler();
                app.Run(_ => Thrower.Throw());
            },
            configureLogging: ConfigureLogging);
}
