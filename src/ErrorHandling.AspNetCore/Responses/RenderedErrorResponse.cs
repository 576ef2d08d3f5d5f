namespace ErrorHandling.AspNetCore;

/// <summary>
/// An error response rendered and not yet sent: the status it is sent with, its <c>Content-Type</c>
/// (<see langword="null"/> when the app's writer set its own) and its body, whose buffer is returned on
/// <see cref="Dispose"/>.
/// </summary>
internal readonly struct RenderedErrorResponse(int statusCode, string? contentType, ReadOnlyMemory<byte> body, IDisposable buffer) : IDisposable
{
    /// <summary>Gets the status the response is sent with.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Gets the <c>Content-Type</c> to send, or <see langword="null"/> to keep the one the app's writer set.</summary>
    public string? ContentType { get; } = contentType;

    /// <summary>Gets the body.</summary>
    public ReadOnlyMemory<byte> Body { get; } = body;

    public void Dispose() => buffer.Dispose();
}
