using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.Benchmarks;

/// <summary>
/// A request that fails, with logging off: the framework's handler against ours and against the
/// lower bound of any handler.
/// </summary>
[MemoryDiagnoser]
public class ErrorPathBenchmarks
{
    private BenchmarkPipeline _framework = null!;
    private BenchmarkPipeline _oursProduction = null!;
    private BenchmarkPipeline _oursDevelopment = null!;
    private BenchmarkPipeline _lowerBound = null!;

    [GlobalSetup]
    public void Setup()
    {
        _framework = BenchmarkPipeline.Create(
            services => services.AddProblemDetails(),
            app =>
            {
                app.UseExceptionHandler();
                app.Run(_ => Thrower.Throw());
            });
        _oursProduction = CreateOurs("Production");
        _oursDevelopment = CreateOurs("Development");
        _lowerBound = BenchmarkPipeline.Create(
            _ => { },
            app =>
            {
                app.Use(LowerBoundMiddleware.Create);
                app.Run(_ => Thrower.Throw());
            });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _framework.DisposeAsync();
        await _oursProduction.DisposeAsync();
        await _oursDevelopment.DisposeAsync();
        await _lowerBound.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "UseExceptionHandler + AddProblemDetails")]
    public Task Framework() => _framework.InvokeAsync();

    [Benchmark(Description = "UseGlobalErrorHandler, Production")]
    public Task OursProduction() => _oursProduction.InvokeAsync();

    [Benchmark(Description = "UseGlobalErrorHandler, Development")]
    public Task OursDevelopment() => _oursDevelopment.InvokeAsync();

    [Benchmark(Description = "lower bound: catch, fixed 200-byte body")]
    public Task LowerBound() => _lowerBound.InvokeAsync();

    private static BenchmarkPipeline CreateOurs(string environment) =>
        BenchmarkPipeline.Create(
            services => services.AddGlobalErrorHandler(),
            app =>
            {
                app.UseGlobalErrorHandler();
                app.Run(_ => Thrower.Throw());
            },
            environment);
}
