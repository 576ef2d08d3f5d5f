namespace ErrorHandling.AspNetCore;

/// <summary>
/// What error-storm mode decided for one failure: its fingerprint, and how many failures with that
/// fingerprint its window has seen, this one included.
/// </summary>
/// <param name="Fingerprint">The fingerprint, 16 lowercase hexadecimal digits.</param>
/// <param name="Count">The occurrence count in the current window, 1 for the first.</param>
internal readonly record struct ErrorStormOccurrence(string Fingerprint, long Count)
{
    /// <summary>Gets whether the event carries the exception: only the first of its window does.</summary>
    public bool AttachesException => Count == 1;
}
