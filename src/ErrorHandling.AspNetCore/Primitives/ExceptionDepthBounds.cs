namespace ErrorHandling.AspNetCore;

/// <summary>
/// How far the handler walks an exception's chain, everywhere it walks one: classifying it, fingerprinting it,
/// checking that it renders, and showing it in a body (JSON or HTML). One pathological chain (a cycle of
/// wrappers, an aggregate of thousands) then costs a bounded amount of work and output.
/// </summary>
internal static class ExceptionDepthBounds
{
    /// <summary>How many levels of inner exceptions are followed (an aggregate's inner exceptions are one level down).</summary>
    public const int MaxInnerExceptionDepth = 8;

    /// <summary>How many of an <see cref="AggregateException"/>'s inner exceptions are followed.</summary>
    public const int MaxAggregateInnerExceptions = 16;
}
