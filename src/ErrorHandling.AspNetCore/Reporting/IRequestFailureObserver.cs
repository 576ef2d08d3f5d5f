namespace ErrorHandling.AspNetCore;

/// <summary>
/// Receives every request failure the global error handler reports in a log event (<c>UnhandledException</c>,
/// <c>ResponseStarted</c>, <c>RequestAborted</c>), with the exception and the same request values as the event.
/// Register implementations as singletons; all of them are notified, in registration order.
/// </summary>
/// <remarks>
/// <para>
/// Observers are resolved once, when <c>UseGlobalErrorHandler()</c> builds the pipeline. They are notified
/// whether or not the handler's own event is enabled (see <see cref="GlobalErrorHandlerOptions.LogFailedRequests"/>),
/// before the error response is written, on the request's own execution context. An exception handled by an app's
/// <c>IExceptionHandler</c> is reported only when
/// <see cref="GlobalErrorHandlerOptions.LogExceptionsHandledByExceptionHandlers"/> is <see langword="true"/>; the
/// handler's own failure (EventId 3) is never reported here.
/// </para>
/// <para>
/// An observer runs on the failure path of every failed request and must not block. An exception it throws is
/// ignored.
/// </para>
/// </remarks>
public interface IRequestFailureObserver
{
    /// <summary>
    /// Called once for each failed request the handler reports.
    /// </summary>
    /// <param name="failure">The exception and the request values of the handler's log event.</param>
    void OnRequestFailed(RequestFailure failure);
}
