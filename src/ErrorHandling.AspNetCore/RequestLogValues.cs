using Microsoft.AspNetCore.Http;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The request context carried by every log event: values escaped against log forging and the
/// query redacted. Built only when the event is enabled.
/// </summary>
internal readonly record struct RequestLogValues(
    string RequestMethod,
    string RequestPath,
    string QueryString,
    DateTimeOffset Timestamp)
{
    public static RequestLogValues Create(HttpContext context, QueryStringRedactor redactor, TimeProvider timeProvider)
    {
        var request = context.Request;
        var path = (request.PathBase + request.Path).ToString();
        return new RequestLogValues(
            LogValueEscaper.Escape(request.Method),
            LogValueEscaper.Escape(path),
            LogValueEscaper.Escape(redactor.Redact(request.QueryString.Value)),
            timeProvider.GetUtcNow());
    }
}
