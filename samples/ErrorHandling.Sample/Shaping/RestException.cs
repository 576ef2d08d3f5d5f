using System.Net;

namespace ErrorHandling.Sample.Shaping;

/// <summary>An exception that carries its own status, the pattern of the RealWorld "Conduit" app.</summary>
public sealed class RestException(HttpStatusCode code, string message) : Exception(message)
{
    /// <summary>The status the response should have.</summary>
    public HttpStatusCode Code { get; } = code;
}
