using Serilog.Events;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>Reads the Microsoft.Extensions.Logging values Serilog keeps on an event.</summary>
public static class LogEventExtensions
{
    public static int? EventId(this LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("EventId", out var value)
        && value is StructureValue structure
        && structure.Properties.FirstOrDefault(p => p.Name == "Id")?.Value is ScalarValue { Value: int id }
            ? id
            : null;

    /// <summary>Whether the event was written by the global error handler (not by Kestrel or hosting).</summary>
    public static bool IsFromHandler(this LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: HandlerLog.Category };

    public static object? Scalar(this LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue scalar ? scalar.Value : null;
}
