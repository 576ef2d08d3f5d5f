using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// How an exception matched by <see cref="GlobalErrorHandlerOptions.Map{TException}(int)"/> (or one of
/// its overloads) is answered and logged.
/// </summary>
public sealed class ExceptionMapping
{
    internal ExceptionMapping(int statusCode) => StatusCode = statusCode;

    /// <summary>
    /// Gets the status code of the response.
    /// </summary>
    public int StatusCode { get; }

    /// <summary>
    /// Gets or sets the <c>title</c> of the problem details.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the framework's title for <see cref="StatusCode"/>.</value>
    public string? Title { get; set; }

    /// <summary>
    /// Gets or sets the <c>detail</c> of the problem details when exception details are not written.
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>: <see cref="GlobalErrorHandlerOptions.GenericDetail"/> for a
    /// 5xx status, no <c>detail</c> for a 4xx status.
    /// </value>
    public string? Detail { get; set; }

    /// <summary>
    /// Gets or sets the level of the <c>UnhandledException</c> log event.
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>: <see cref="Microsoft.Extensions.Logging.LogLevel.Warning"/>
    /// for a 4xx status, <see cref="Microsoft.Extensions.Logging.LogLevel.Error"/> otherwise.
    /// </value>
    public LogLevel? LogLevel { get; set; }

    /// <summary>
    /// Gets or sets whether the exception's message is safe to show to clients in every environment.
    /// When <see langword="true"/>, the message becomes the <c>detail</c> of the response even when exception
    /// details are not written. Set it only for exceptions whose messages are written for clients, such as
    /// validation errors.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool ExposeMessage { get; set; }

    internal LogLevel EffectiveLogLevel =>
        LogLevel ?? (StatusCode is >= 400 and < 500 ? Microsoft.Extensions.Logging.LogLevel.Warning : Microsoft.Extensions.Logging.LogLevel.Error);
}
