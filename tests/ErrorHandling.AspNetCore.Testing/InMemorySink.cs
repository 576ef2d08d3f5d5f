using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace ErrorHandling.AspNetCore.Testing;

/// <summary>A Serilog sink that keeps every event in memory, for assertions.</summary>
public sealed class InMemorySink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
