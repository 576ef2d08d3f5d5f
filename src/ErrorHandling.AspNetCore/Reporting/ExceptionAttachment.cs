namespace ErrorHandling.AspNetCore;

/// <summary>
/// Whether the reports of one failure — its log event, the activity's <c>exception</c> event, the observers —
/// carry the exception object, and what they carry instead: decided once per failure, before any of them sees it.
/// The exception is held back for a repeat within error-storm mode's window (<see cref="Occurrence"/>), and when
/// rendering it would throw (<see cref="RenderingFailure"/>), which would cost a sink the whole event.
/// </summary>
/// <param name="Occurrence">The error-storm decision, when the mode is on and the failure is an EventId 1.</param>
/// <param name="RenderingFailure">What failed when the exception was rendered, or <see langword="null"/>.</param>
internal readonly record struct ExceptionAttachment(ErrorStormOccurrence? Occurrence, string? RenderingFailure)
{
    /// <summary>Gets whether the reports carry the exception object, with its stack.</summary>
    public bool IsAttached => Occurrence is not { AttachesException: false } && RenderingFailure is null;

    /// <summary>Gets whether the failure gets no log event of its own, past <see cref="GlobalErrorHandlerOptions.ErrorStormEventsPerWindow"/>.</summary>
    public bool IsLogSuppressed => Occurrence is { IsLogSuppressed: true };
}
