using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A logging provider that only counts events, by category and event id: cheap enough to sit under a
/// load of tens of thousands of requests.
/// </summary>
public sealed class CountingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<(string Category, int EventId), int> _counts = new();
    private int _errorsFromOtherCategories;

    public int Count(string category, int eventId) => _counts.TryGetValue((category, eventId), out var count) ? count : 0;

    /// <summary>Events at Warning or above from categories other than the handler's (Kestrel, hosting, …).</summary>
    public int WarningsFromOtherCategories => Volatile.Read(ref _errorsFromOtherCategories);

    public ILogger CreateLogger(string categoryName) => new CountingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CountingLogger(CountingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            provider._counts.AddOrUpdate((category, eventId.Id), 1, static (_, count) => count + 1);
            if (logLevel >= LogLevel.Warning && category != HandlerLog.Category)
            {
                Interlocked.Increment(ref provider._errorsFromOtherCategories);
            }
        }
    }
}
