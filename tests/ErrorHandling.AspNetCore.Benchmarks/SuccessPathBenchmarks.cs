using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.Benchmarks;

/// <summary>A request that does not fail: the handler must cost nothing measurable.</summary>
[MemoryDiagnoser]
public class SuccessPathBenchmarks
{
    private BenchmarkPipeline _none = null!;
    private BenchmarkPipeline _ours = null!;

    [GlobalSetup]
    public void Setup()
    {
        _none = BenchmarkPipeline.Create(_ => { }, app => app.Run(Succeed));
        _ours = BenchmarkPipeline.Create(
            services => services.AddGlobalErrorHandler(),
            app =>
            {
                app.UseGlobalErrorHandler();
                app.Run(Succeed);
            });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _none.DisposeAsync();
        await _ours.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "no middleware")]
    public Task NoMiddleware() => _none.InvokeAsync();

    [Benchmark(Description = "UseGlobalErrorHandler")]
    public Task Ours() => _ours.InvokeAsync();

    private static Task Succeed(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
