using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Identifies a failure by its exception type, the types of its inner exceptions and its throw site: the
/// methods of the stack trace's frames, from the throw to the handler, each as its declaring type's name and its
/// own. Computed without reflection over methods (<see cref="DiagnosticMethodInfo"/>, not
/// <c>Exception.TargetSite</c> or <c>StackFrame.GetMethod()</c>), so it works under trimming and Native AOT, and
/// without rendering the stack as text.
/// </summary>
/// <remarks>
/// <para>
/// The value is a 64-bit hash of names, not seeded per process. It leaves out what changes while the same failure
/// repeats: IL offsets (the JIT maps a frame to a different offset once it recompiles the method, so two throws
/// in one method share a fingerprint), and frames of dynamic methods (compiled expression trees, emitted code),
/// whose names are numbered in the order a process happens to create them. Where the runtime keeps no method
/// names (Native AOT without stack trace data), a frame counts by its offset in its native image.
/// </para>
/// <para>
/// The frames are those the runtime reports, and they depend on how the JIT compiled the methods on the stack: a
/// method inlined into its caller, or left through a tail call, has no frame. Tiered compilation recompiles hot
/// methods during a process's first seconds of traffic, so a failure can get another fingerprint or two while
/// the process warms up (each of them attaches the exception once per window: a warm-up costs a few more
/// stacks, never a lost one), and two processes only agree when they compiled those methods alike. Code that is
/// compiled once — Native AOT, or <c>DOTNET_TieredCompilation=0</c> — gives a failure one fingerprint, the same
/// in every process of the build.
/// </para>
/// </remarks>
internal static class ExceptionFingerprint
{
    // Frames past these tell no more failures apart, and the bound keeps the cost of fingerprinting
    // deep recursion flat.
    private const int MaxFrames = 64;

    private const ulong Seed = 0x2545F4914F6CDD1D;
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    public static ulong Compute(Exception exception)
    {
        var hash = AddString(Seed, exception.GetType().FullName);

        var trace = new StackTrace(exception, fNeedFileInfo: false);
        var frameCount = Math.Min(trace.FrameCount, MaxFrames);
        for (var i = 0; i < frameCount; i++)
        {
            var frame = trace.GetFrame(i);
            if (frame is null)
            {
                continue;
            }

            if (DiagnosticMethodInfo.Create(frame) is { } method)
            {
                if (method.DeclaringTypeName is null)
                {
                    continue;
                }

                hash = AddString(hash, method.DeclaringTypeName);
                hash = AddString(hash, method.Name);
            }
            else
            {
                hash = AddInt64(hash, (long)(frame.GetNativeIP() - frame.GetNativeImageBase()));
            }
        }

        var inner = exception.InnerException;
        for (var depth = 0; inner is not null && depth < ExceptionDepthBounds.MaxInnerExceptionDepth; depth++)
        {
            hash = AddString(hash, inner.GetType().FullName);
            inner = inner.InnerException;
        }

        return Finish(hash);
    }

    public static string Format(ulong fingerprint) => fingerprint.ToString("x16", CultureInfo.InvariantCulture);

    private static ulong AddString(ulong hash, string? value)
    {
        // Four UTF-16 characters a step: the names of a deep stack add up to thousands of them.
        var chars = value.AsSpan();
        var words = MemoryMarshal.Cast<char, ulong>(chars);
        foreach (var word in words)
        {
            hash = Mix(hash, word);
        }

        ulong tail = (uint)chars.Length;
        foreach (var c in chars[(words.Length * 4)..])
        {
            tail = (tail << 16) | c;
        }

        return Mix(hash, tail);
    }

    private static ulong AddInt64(ulong hash, long value) => Mix(hash, (ulong)value);

    private static ulong Mix(ulong hash, ulong value) =>
        BitOperations.RotateLeft(hash ^ (value * Multiplier), 31) * Multiplier;

    // The MurmurHash3 finaliser, so that every input bit reaches every bit of the fingerprint.
    private static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCD;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9F53FE1B95B;
        return hash ^ (hash >> 33);
    }
}
