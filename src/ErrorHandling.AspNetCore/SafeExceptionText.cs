namespace ErrorHandling.AspNetCore;

/// <summary>
/// Reads an exception's message and stack trace for the response without letting a throwing
/// override (a custom <c>Message</c> getter, say) turn the error response into a second failure.
/// </summary>
internal static class SafeExceptionText
{
    public static string Message(Exception exception)
    {
        try
        {
            return exception.Message;
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
            return exception.StackTrace;
        }
        catch (Exception getterFailure)
        {
            return Unavailable(nameof(Exception.StackTrace), getterFailure);
        }
    }

    private static string Unavailable(string member, Exception getterFailure) =>
        $"({member} unavailable: its getter threw {getterFailure.GetType().FullName})";
}
