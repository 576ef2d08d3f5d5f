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
/// <remarks>
/// The benchmarks are built with no PDB beside any DLL. A package gives the library that way (its PDB is in the
/// symbol package), and a PDB beside a DLL makes every logged stack trace look up file and line for that DLL's
/// frames: 4 to 12 KB and microseconds per failure that would be the build's, not the handler's.
/// </remarks>
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
            .WithArguments([new MsBuildArgument("/p:AllowedReferenceRelatedFileExtensions=.xml")])
            .AsDefault());
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
