using System.Runtime.CompilerServices;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>Throws exceptions carrying sentinel strings in every part that could leak.</summary>
public static class Throwers
{
    public const string Message = "SENTINEL-MESSAGE-3f9a";
    public const string InnerMessage = "SENTINEL-INNER-77c1";

    /// <summary>A method name that shows up in the stack trace, and must not leak.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string ThrowSentinelFromDeepInside()
    {
        try
        {
            throw new FormatException(InnerMessage);
        }
        catch (FormatException inner)
        {
            throw new SentinelSecretException(Message, inner);
        }
    }
}
