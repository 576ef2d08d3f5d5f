using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A logging provider whose loggers throw on every event, like a broken sink. Scopes still work:
/// Microsoft.Extensions.Logging opens scopes on every provider whatever its filters, so a provider
/// that threw there would break the host's own request handling before the handler is reached.
/// </summary>
public sealed class ThrowingLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ThrowingLogger();

    public void Dispose()
    {
    }

    private sealed class ThrowingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            throw new InvalidOperationException("broken sink");
    }
}
