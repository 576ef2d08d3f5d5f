namespace ErrorHandling.AspNetCore;

/// <summary>
/// How the handler dealt with an exception; the value of the <c>errorhandling.result</c> tag. The numbers
/// are the ids of the log events that report each outcome.
/// </summary>
internal enum FailureOutcome
{
    /// <summary>An error response was written (EventId 1): <c>handled</c>.</summary>
    Handled = 1,

    /// <summary>The response had already started and the connection was aborted (EventId 2): <c>response_started</c>.</summary>
    ResponseStarted = 2,

    /// <summary>Writing the error response itself failed (EventId 3): <c>handler_failed</c>.</summary>
    HandlerFailed = 3,

    /// <summary>The client went away (EventId 4): <c>aborted</c>.</summary>
    Aborted = 4,
}
