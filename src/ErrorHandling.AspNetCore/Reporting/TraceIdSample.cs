using System.Collections;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The trace ids of the first suppressed failures of a window, at most <see cref="Capacity"/>: the
/// <c>SampleTraceIds</c> property of the <c>ErrorStormSummary</c> event, so a client's report of a suppressed
/// failure still finds a sibling's trace.
/// </summary>
/// <remarks>
/// A list for sinks that render sequences (Serilog); its text, the ids separated by commas, for those that write
/// every other value with <c>ToString()</c> (the framework's JSON console).
/// </remarks>
internal sealed class TraceIdSample : IReadOnlyList<string>
{
    public const int Capacity = 5;

    private readonly string[] _traceIds = new string[Capacity];
    private int _count;

    public int Count => _count;

    public string this[int index] => index < _count ? _traceIds[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Keeps <paramref name="traceId"/> while there is room.</summary>
    public void Add(string traceId)
    {
        if (_count < Capacity)
        {
            _traceIds[_count++] = traceId;
        }
    }

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_traceIds[.._count]).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(",", _traceIds, 0, _count);
}
