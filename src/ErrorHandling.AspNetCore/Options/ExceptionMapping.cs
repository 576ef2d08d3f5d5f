using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// How an exception matched by <see cref="GlobalErrorHandlerOptions.Map{TException}(int)"/> (or one of
/// its overloads) is answered and logged.
/// </summary>
public sealed class ExceptionMapping
{
    internal ExceptionMapping(int statusCode) => StatusCode = statusCode;

    internal ExceptionMapping(Func<Exception, int> statusSelector) => StatusSelector = statusSelector;

    internal ExceptionMapping(Func<HttpContext, Exception, ProblemDetails?> problemFactory) => ProblemFactory = problemFactory;

    internal ExceptionMapping(int statusCode, Func<Exception, IDictionary<string, string[]>> validationErrors)
    {
        StatusCode = statusCode;
        ValidationErrors = validationErrors;
    }

    /// <summary>
    /// Gets the status code of the response, or 0 when the status comes from the exception
    /// (<see cref="GlobalErrorHandlerOptions.Map{TException}(Func{TException, int})"/>) or from a problem the app builds.
    /// </summary>
    public int StatusCode { get; }

    /// <summary>
    /// Gets or sets the <c>title</c> of the problem details.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the framework's title for the status.</value>
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
    /// Gets or sets the <c>type</c> of the problem details, a URI that identifies the kind of problem
    /// (<c>https://example.com/problems/order-locked</c>). It is written in every environment.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the framework's default for the status (an RFC 9110 section link).</value>
    public string? Type { get; set; }

    /// <summary>
    /// Gets or sets the stable, machine-readable code of the kind of problem (<c>order-not-found</c>), which clients
    /// switch on and translate. It is written as the problem's <c>code</c> member in every environment, shown on the
    /// HTML page, logged as the <c>ErrorCode</c> property of the <c>UnhandledException</c> event, and listed in the
    /// OpenAPI document; with <see cref="GlobalErrorHandlerOptions.ProblemTypeBaseUri"/> set and no <see cref="Type"/>,
    /// it also names the problem's <c>type</c>. A code is 1–64 characters of <c>A–Z</c>, <c>a–z</c>, <c>0–9</c>,
    /// <c>.</c>, <c>_</c> and <c>-</c>, and one code is never mapped to two statuses (start-up fails otherwise).
    /// </summary>
    /// <value>The default is <see langword="null"/>: the problem has no <c>code</c>.</value>
    public string? Code { get; set; }

    /// <summary>
    /// Gets the members added to every problem this mapping produces, in every environment: a stable
    /// <c>errorCode</c>, a <c>helpUrl</c>. Values other than strings, numbers, booleans and
    /// <see cref="System.Text.Json.JsonElement"/> are serialized with the app's
    /// <c>Microsoft.AspNetCore.Http.Json.JsonOptions</c>.
    /// </summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

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

    /// <summary>The status from the exception, for <c>Map(Func&lt;TException, int&gt;)</c>.</summary>
    internal Func<Exception, int>? StatusSelector { get; }

    /// <summary>The app's problem, for <c>Map(Func&lt;HttpContext, TException, ProblemDetails?&gt;)</c>.</summary>
    internal Func<HttpContext, Exception, ProblemDetails?>? ProblemFactory { get; }

    /// <summary>The validation errors, for <c>MapValidation</c>.</summary>
    internal Func<Exception, IDictionary<string, string[]>>? ValidationErrors { get; }

    /// <summary>Whether every exception this mapping matches gets <see cref="StatusCode"/>.</summary>
    internal bool HasFixedStatus => StatusSelector is null && ProblemFactory is null;

    internal LogLevel LogLevelFor(int statusCode) =>
        LogLevel ?? (ValidationErrors is not null ? Microsoft.Extensions.Logging.LogLevel.Information : ProblemStatus.DefaultLogLevel(statusCode));
}
