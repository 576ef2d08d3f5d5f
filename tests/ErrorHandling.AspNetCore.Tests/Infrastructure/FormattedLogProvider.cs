using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The framework's console logging with its real JSON formatter (<c>AddJsonConsole()</c>): every event is
/// rendered on the logging thread exactly as the console logger renders it — exception, state and scopes — but
/// the lines are kept instead of being written to the process's console.
/// </summary>
public sealed class FormattedLogProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private ConsoleFormatter? _formatter;
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Adds <c>AddJsonConsole()</c> to the app, with this provider in place of the console's writer.</summary>
    public static FormattedLogProvider AddJsonConsole(WebApplicationBuilder builder, Action<JsonConsoleFormatterOptions>? configure = null)
    {
        var provider = new FormattedLogProvider();
        builder.Logging.AddJsonConsole(configure ?? (static _ => { }));
        var consoleWriter = builder.Services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        builder.Services.Remove(consoleWriter);
        builder.Services.AddSingleton<ILoggerProvider>(services =>
        {
            provider._formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
            return provider;
        });
        return provider;
    }

    public ILogger CreateLogger(string categoryName) => new FormattedLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Write<TState>(in LogEntry<TState> entry)
    {
        using var writer = new StringWriter();
        _formatter!.Write(entry, _scopes, writer);
        _lines.Enqueue(writer.ToString());
    }

    private sealed class FormattedLogger(FormattedLogProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
    }
}
