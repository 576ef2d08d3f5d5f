using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog.AspNetCore;
using Serilog.Events;

namespace ErrorHandling.AspNetCore.Serilog;

/// <summary>
/// Makes the request completion event of a failed request agree with the handler's own event: at least its
/// level, and its <c>RequestMethod</c> and <c>RequestPath</c>, which Serilog would otherwise write over the
/// values of the diagnostic context with its own (unescaped, without <c>PathBase</c>, or with the raw query).
/// </summary>
internal sealed class RequestLoggingOptionsSetup : IPostConfigureOptions<RequestLoggingOptions>
{
    public void PostConfigure(string? name, RequestLoggingOptions options)
    {
        var getLevel = options.GetLevel;
        var getProperties = options.GetMessageTemplateProperties;

        // Built once, when the options are first read; the successful path only pays a feature lookup.
        options.GetLevel = (context, elapsedMilliseconds, exception) =>
            RaiseLevel(context, getLevel(context, elapsedMilliseconds, exception));
        options.GetMessageTemplateProperties = (context, requestPath, elapsedMilliseconds, statusCode) =>
        {
            var properties = getProperties(context, requestPath, elapsedMilliseconds, statusCode);
            return context.Features.Get<RequestFailureFeature>() is { } feature
                ? ReplaceRequestValues(properties, feature.Failure)
                : properties;
        };
    }

    private static LogEventLevel RaiseLevel(HttpContext context, LogEventLevel level)
    {
        if (context.Features.Get<RequestFailureFeature>() is not { } feature)
        {
            return level;
        }

        var failureLevel = ToSerilogLevel(feature.Failure.LogLevel);
        return failureLevel > level ? failureLevel.Value : level;
    }

    private static IEnumerable<LogEventProperty> ReplaceRequestValues(IEnumerable<LogEventProperty> properties, RequestFailure failure)
    {
        foreach (var property in properties)
        {
            yield return property.Name switch
            {
                nameof(RequestFailure.RequestMethod) => new LogEventProperty(property.Name, new ScalarValue(failure.RequestMethod)),
                nameof(RequestFailure.RequestPath) => new LogEventProperty(property.Name, new ScalarValue(failure.RequestPath)),
                _ => property,
            };
        }
    }

    private static LogEventLevel? ToSerilogLevel(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        LogLevel.Critical => LogEventLevel.Fatal,
        _ => null,
    };
}
