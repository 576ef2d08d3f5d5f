using System.Net;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>An exception that carries its own status, as in the RealWorld "Conduit" app.</summary>
public sealed class RestException(HttpStatusCode code, string message) : Exception(message)
{
    public HttpStatusCode Code { get; } = code;
}
