using Serilog.Events;

namespace ErrorHandling.AspNetCore.Testing;

/// <summary>Reads the Microsoft.Extensions.Logging values Serilog keeps on an event.</summary>
public static class LogEventExtensions
{
    // HandlerLog.Category; HandlerLog stays in the core test project, the one that uses FakeLogCollector.
    private const string HandlerCategory = "ErrorHandling.AspNetCore.GlobalErrorHandler";

    public static int? EventId(this LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("EventId", out var value)
        && value is StructureValue structure
        && structure.Properties.FirstOrDefault(p => p.Name == "Id")?.Value is ScalarValue { Value: int id }
            ? id
            : null;

    /// <summary>Whether the event was written by the global error handler (not by Kestrel or hosting).</summary>
    public static bool IsFromHandler(this LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: HandlerCategory };

    /// <summary>Whether the event is Serilog's request completion event (<c>UseSerilogRequestLogging()</c>).</summary>
    public static bool IsRequestCompletion(this LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source.ToString() == "\"Serilog.AspNetCore.RequestLoggingMiddleware\"";

    public static object? Scalar(this LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue scalar ? scalar.Value : null;
}
