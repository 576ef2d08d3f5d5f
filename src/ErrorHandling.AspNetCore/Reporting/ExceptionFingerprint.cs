using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Identifies a failure by its exception type, the types of its inner exceptions and its throw site (the declaring
/// type and name of each method on the stack), without reflection over methods and without rendering the stack.
/// </summary>
/// <remarks>
/// The value is a 64-bit hash, not seeded per process. It leaves out IL offsets and the frames of dynamic methods;
/// where the runtime keeps no method names, a frame counts by its offset in its native image.
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

            // DiagnosticMethodInfo rather than StackFrame.GetMethod() or TargetSite: it needs no reflection, so it
            // works under trimming and Native AOT. Names, not IL offsets, because the JIT maps a frame to another
            // offset once it recompiles the method.
            if (DiagnosticMethodInfo.Create(frame) is { } method)
            {
                // Dynamic methods (compiled expressions, emitted code) are numbered in the order a process creates them.
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
