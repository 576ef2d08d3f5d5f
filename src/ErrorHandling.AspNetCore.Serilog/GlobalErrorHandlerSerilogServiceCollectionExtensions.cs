using ErrorHandling.AspNetCore;
using ErrorHandling.AspNetCore.Serilog;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serilog.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Extension methods to send the global error handler's failures to Serilog's request logging.
/// </summary>
public static class GlobalErrorHandlerSerilogServiceCollectionExtensions
{
    /// <summary>
    /// Adds the global error handler's services (as <c>AddGlobalErrorHandler()</c> does) and puts the exception
    /// and the request values of every failed request — <c>RequestMethod</c>, <c>RequestPath</c>,
    /// <c>QueryString</c>, <c>StatusCode</c>, <c>TraceId</c>, <c>Timestamp</c> and <c>ExceptionType</c>, and
    /// <c>ErrorCode</c> when the mapping has one, redacted and escaped as in the handler's own event — on Serilog's <c>IDiagnosticContext</c>, so that the request
    /// completion event of <c>app.UseSerilogRequestLogging()</c> carries them.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Call <c>app.UseSerilogRequestLogging()</c> before <c>app.UseGlobalErrorHandler()</c>. Set
    /// <see cref="GlobalErrorHandlerOptions.LogFailedRequests"/> to <see langword="false"/> to get exactly one
    /// event per failed request, the completion event.
    /// </para>
    /// <para>
    /// The exception is attached exactly when the handler attaches it to its own event
    /// (<see cref="RequestFailure.AttachesException"/>): a repeat in error-storm mode carries
    /// <c>ExceptionFingerprint</c> and <c>OccurrenceCount</c> instead, and an exception whose <c>Message</c>,
    /// <c>StackTrace</c> or <c>ToString()</c> throws carries <c>ExceptionRenderingFailure</c> instead. Serilog writes a
    /// completion event for every request, so <see cref="GlobalErrorHandlerOptions.ErrorStormEventsPerWindow"/> leaves
    /// those in place; a failure whose handler event it suppresses (<see cref="RequestFailure.IsLogSuppressed"/>) is a
    /// repeat, and its completion event carries no exception either.
    /// </para>
    /// <para>
    /// For a failed request, the completion event's <c>RequestMethod</c> and <c>RequestPath</c> are the handler's
    /// (<c>PathBase + Path</c>, escaped, never the query), and its level is raised to the level of the handler's
    /// event when that is higher (Warning for a mapped 4xx, Error for a response that had already started).
    /// A <c>GetLevel</c> or <c>GetMessageTemplateProperties</c> set in the delegate passed to
    /// <c>UseSerilogRequestLogging</c> replaces this; one set through
    /// <c>services.Configure&lt;RequestLoggingOptions&gt;</c> is kept and wrapped.
    /// </para>
    /// <para>
    /// Serilog must be registered too (<c>builder.Services.AddSerilog(...)</c>); without it the pipeline fails to
    /// build with an <see cref="InvalidOperationException"/> that says so.
    /// </para>
    /// </remarks>
    /// <param name="services">The <see cref="IServiceCollection"/> to add the services to.</param>
    /// <returns>The <paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddGlobalErrorHandlerSerilog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddGlobalErrorHandler();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRequestFailureObserver, DiagnosticContextFailureObserver>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<RequestLoggingOptions>, RequestLoggingOptionsSetup>());
        return services;
    }
}
