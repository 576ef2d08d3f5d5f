using System.Net;

namespace ErrorHandling.AspNetCore.ClientTests.Infrastructure;

/// <summary>Keeps the last response that went over the wire, so a test compares the client's exception with it.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    /// <summary>The status, media type and body of the last response.</summary>
    public (HttpStatusCode Status, string? MediaType, string Body) LastResponse { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        LastResponse = (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(cancellationToken));
        return response;
    }
}
