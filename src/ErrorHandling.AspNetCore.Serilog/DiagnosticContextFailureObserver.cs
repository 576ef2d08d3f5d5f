using ErrorHandling.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace ErrorHandling.AspNetCore.Serilog;

/// <summary>
/// Puts a failed request's exception and log values on Serilog's <see cref="IDiagnosticContext"/>, under the
/// property names of the handler's own event: the exception only when the handler attaches it to its own event,
/// and the error-storm values, the rendering failure and the request headers (as a structure) when that event carries them.
/// </summary>
internal sealed class DiagnosticContextFailureObserver : IRequestFailureObserver
{
    private readonly IDiagnosticContext _diagnosticContext;

    public DiagnosticContextFailureObserver(IServiceProvider services)
    {
        _diagnosticContext = services.GetService<IDiagnosticContext>()
            ?? throw new InvalidOperationException(
                "Unable to find Serilog's IDiagnosticContext, which 'AddGlobalErrorHandlerSerilog()' writes to. Call " +
                "'builder.Services.AddSerilog(...)' when configuring the services of the application, and " +
                "'app.UseSerilogRequestLogging()' before 'app.UseGlobalErrorHandler()'.");
    }

    public void OnRequestFailed(RequestFailure failure)
    {
        failure.HttpContext.Features.Set(new RequestFailureFeature(failure));

        // Serilog swallows a sink's failure to render the exception, and the completion event with it; and in
        // error-storm mode a repeat's stack is what must not be rendered again. So the completion event attaches
        // the exception exactly when the handler's own event does, and otherwise carries what that event carries.
        if (failure.AttachesException)
        {
            _diagnosticContext.SetException(failure.Exception);
        }

        _diagnosticContext.Set(nameof(RequestFailure.RequestMethod), failure.RequestMethod);
        _diagnosticContext.Set(nameof(RequestFailure.RequestPath), failure.RequestPath);
        _diagnosticContext.Set(nameof(RequestFailure.QueryString), failure.QueryString);
        _diagnosticContext.Set(nameof(RequestFailure.StatusCode), failure.StatusCode);
        _diagnosticContext.Set(nameof(RequestFailure.TraceId), failure.TraceId);
        _diagnosticContext.Set(nameof(RequestFailure.Timestamp), failure.Timestamp);
        _diagnosticContext.Set(nameof(RequestFailure.ExceptionType), failure.ExceptionType);
        if (failure.ErrorCode is { } errorCode)
        {
            _diagnosticContext.Set(nameof(RequestFailure.ErrorCode), errorCode);
        }

        if (failure.ExceptionFingerprint is { } fingerprint)
        {
            _diagnosticContext.Set(nameof(RequestFailure.ExceptionFingerprint), fingerprint);
            _diagnosticContext.Set(nameof(RequestFailure.OccurrenceCount), failure.OccurrenceCount);
        }

        if (failure.ExceptionRenderingFailure is { } renderingFailure)
        {
            _diagnosticContext.Set(nameof(RequestFailure.ExceptionRenderingFailure), renderingFailure);
        }

        if (failure.RequestHeaders is { } headers)
        {
            // Serilog makes a structure of a Dictionary<,> only, where the handler's own event carries the headers as
            // JSON text (which the framework's JSON console can print).
            _diagnosticContext.Set(nameof(RequestFailure.RequestHeaders), new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase));
        }
    }
}
