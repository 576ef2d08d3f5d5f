using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ErrorHandling.AspNetCore.Serilog.Tests;

/// <summary>
/// A Serilog sink that renders every event with Serilog's real <see cref="CompactJsonFormatter"/>, as a file or
/// console sink would, and keeps the lines. An event the formatter fails on is lost here exactly as it is in
/// production: Serilog swallows the sink's failure.
/// </summary>
public sealed class CompactJsonSink : ILogEventSink
{
    private readonly CompactJsonFormatter _formatter = new();
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        _formatter.Format(logEvent, writer);
        _lines.Enqueue(writer.ToString());
    }
}
