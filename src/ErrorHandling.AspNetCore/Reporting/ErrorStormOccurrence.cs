namespace ErrorHandling.AspNetCore;

/// <summary>
/// What error-storm mode decided for one failure: its fingerprint, how many failures with that fingerprint its
/// window has seen, this one included, and whether its log event is left out (counted in the window's
/// <c>ErrorStormSummary</c> instead).
/// </summary>
/// <param name="Fingerprint">The fingerprint, 16 lowercase hexadecimal digits.</param>
/// <param name="Count">The occurrence count in the current window, 1 for the first.</param>
/// <param name="IsLogSuppressed">Whether the failure gets no log event of its own.</param>
internal readonly record struct ErrorStormOccurrence(string Fingerprint, long Count, bool IsLogSuppressed = false)
{
    /// <summary>Gets whether the event carries the exception: only the first of its window does.</summary>
    public bool AttachesException => Count == 1;
}
