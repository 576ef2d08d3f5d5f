namespace ErrorHandling.AspNetCore;

/// <summary>
/// Registered by <c>AddGlobalErrorHandler</c> so that <c>UseGlobalErrorHandler</c> can tell the
/// services are missing and say how to fix it, instead of failing on the first error.
/// </summary>
internal sealed class GlobalErrorHandlerMarkerService;
