using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace ErrorHandling.AspNetCore.Benchmarks;

/// <summary>
/// Where the error path's time goes: the throw itself, against the work done afterwards on an
/// exception thrown the same way (rendering its stack, as every log sink and the Development body
/// do, and error-storm mode's fingerprint), for a shallow and a deep stack.
/// </summary>
[MemoryDiagnoser]
public class ErrorPathBreakdownBenchmarks
{
    private Exception _exception = null!;

    [Params(4, 32)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Setup() => _exception = ThrowAndCatch();

    [Benchmark(Baseline = true, Description = "throw + catch")]
    public Exception Throw() => ThrowAndCatch();

    [Benchmark(Description = "Exception.ToString()")]
    public string ExceptionToString() => _exception.ToString();

    [Benchmark(Description = "Exception.StackTrace")]
    public string? StackTraceString() => _exception.StackTrace;

    [Benchmark(Description = "new StackTrace(exception, false)")]
    public int StackTraceFrames() => new StackTrace(_exception, fNeedFileInfo: false).FrameCount;

    [Benchmark(Description = "error-storm fingerprint")]
    public ulong Fingerprint() => ExceptionFingerprint.Compute(_exception);

    private Exception ThrowAndCatch()
    {
        try
        {
            Thrower.ThrowAtDepth(Depth);
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new UnreachableException();
    }
}
