using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace ErrorHandling.AspNetCore.Benchmarks;

/// <summary>
/// One short job for every benchmark, so that the whole suite runs in a few minutes on two cores.
/// Every comparison is paired: each class has its own baseline, measured in the same run, and its
/// own summary table with ratios to it.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(4)
            .WithIterationCount(20)
            .WithIterationTime(TimeInterval.FromMilliseconds(500))
            .AsDefault());
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
