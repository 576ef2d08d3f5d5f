using System.Buffers;
using System.Text.Json;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> per thread, reset onto each body's buffer, so that rendering an error
/// body does not allocate a new writer for every failed request.
/// </summary>
/// <remarks>
/// A writer is taken out of the cache while it is in use, so a body rendered while another is being
/// rendered on the same thread gets a writer of its own. A returned writer is reset onto an empty
/// buffer, so the cache never keeps a request's buffer alive.
/// </remarks>
internal static class Utf8JsonWriterCache
{
    private static readonly ArrayBufferWriter<byte> Detached = new(1);

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        var writer = _threadWriter;
        if (writer is null)
        {
            return new Utf8JsonWriter(output);
        }

        _threadWriter = null;
        writer.Reset(output);
        return writer;
    }

    public static void Return(Utf8JsonWriter writer)
    {
        writer.Reset(Detached);
        _threadWriter = writer;
    }
}
