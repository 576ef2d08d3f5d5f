using Microsoft.AspNetCore.Http;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// What a body with exception details adds: the redacted request echo and the exception (none for an
/// empty error response).
/// </summary>
internal readonly record struct DevelopmentDetails(RequestEcho Echo, HttpRequest Request, Exception? Exception);
