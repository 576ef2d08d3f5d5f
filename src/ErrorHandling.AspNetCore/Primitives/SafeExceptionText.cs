using System.Globalization;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Reads an exception's message and stack trace for the response without letting a throwing override (a
/// custom <c>Message</c> getter, say) turn the error response into a second failure, and holds the bounds of
/// the text a body shows of an exception, so that one huge exception cannot make a huge body.
/// </summary>
internal static class SafeExceptionText
{
    /// <summary>The most characters of a message (and so of a <c>detail</c>) a body carries.</summary>
    public const int MaxMessageLength = 4_096;

    /// <summary>The most characters of one stack trace a body carries.</summary>
    public const int MaxStackTraceLength = 16_384;

    /// <summary>The exception's type as every report names it: its full name (<c>ExceptionType</c>, <c>error.type</c>).</summary>
    public static string TypeName(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;

    public static string Message(Exception exception)
    {
        try
        {
            return Bounded(exception.Message, MaxMessageLength);
        }
        catch (Exception getterFailure)
        {
            return Unavailable(nameof(Exception.Message), getterFailure);
        }
    }

    public static string? StackTrace(Exception exception)
    {
        try
        {
            return exception.StackTrace is { } stackTrace ? Bounded(stackTrace, MaxStackTraceLength) : null;
        }
        catch (Exception getterFailure)
        {
            return Unavailable(nameof(Exception.StackTrace), getterFailure);
        }
    }

    private static string Bounded(string text, int maxLength) =>
        text.Length <= maxLength
            ? text
            : string.Concat(text.AsSpan(0, maxLength), string.Create(CultureInfo.InvariantCulture, $"… ({text.Length - maxLength} more characters)"));

    private static string Unavailable(string member, Exception getterFailure) =>
        $"({member} unavailable: its getter threw {TypeName(getterFailure)})";
}
