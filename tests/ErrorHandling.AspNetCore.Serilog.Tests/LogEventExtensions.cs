using Serilog.Events;

namespace ErrorHandling.AspNetCore.Serilog.Tests;

/// <summary>Reads what the tests assert on a Serilog <see cref="LogEvent"/>.</summary>
public static class LogEventExtensions
{
    public static object? Scalar(this LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue scalar ? scalar.Value : null;

    public static bool IsRequestCompletion(this LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source.ToString() == "\"Serilog.AspNetCore.RequestLoggingMiddleware\"";

    public static int? EventId(this LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("EventId", out var value)
        && value is StructureValue structure
        && structure.Properties.FirstOrDefault(p => p.Name == "Id")?.Value is ScalarValue { Value: int id }
            ? id
            : null;
}
