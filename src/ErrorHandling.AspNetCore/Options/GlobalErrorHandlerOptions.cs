using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Options for the global error handler registered by
/// <c>AddGlobalErrorHandler</c> and added to the pipeline by <c>UseGlobalErrorHandler</c>.
/// </summary>
/// <remarks>
/// The options are bound from the <see cref="SectionName"/> configuration section when it exists, then the
/// delegate passed to <c>AddGlobalErrorHandler</c> runs. Lists bound from configuration are appended to the
/// defaults. The options are validated when the host starts.
/// </remarks>
public sealed partial class GlobalErrorHandlerOptions
{
    /// <summary>
    /// The name of the configuration section the options are bound from: <c>GlobalErrorHandler</c>.
    /// </summary>
    public const string SectionName = "GlobalErrorHandler";

    /// <summary>
    /// The default value of <see cref="GenericDetail"/>.
    /// </summary>
    public const string DefaultGenericDetail = "An unexpected error occurred.";

    /// <summary>
    /// Gets or sets when exception details are written to the response.
    /// </summary>
    /// <value>The default is <see cref="ExceptionDetailsPolicy.DevelopmentOnly"/>.</value>
    public ExceptionDetailsPolicy ExceptionDetails { get; set; } = ExceptionDetailsPolicy.DevelopmentOnly;

    /// <summary>
    /// Gets or sets the <c>detail</c> of a 5xx response written without exception details.
    /// </summary>
    /// <value>The default is <c>"An unexpected error occurred."</c>. It must not be empty.</value>
    public string GenericDetail { get; set; } = DefaultGenericDetail;

    /// <summary>
    /// Gets the names of the response headers that are kept when the failed response is reset, compared
    /// case-insensitively; a name ending in <c>*</c> matches by prefix. A pattern that would keep
    /// <c>Set-Cookie</c> or a header named in <see cref="RedactedHeaders"/> fails start-up.
    /// </summary>
    /// <value>
    /// The default is <c>Access-Control-*</c>, <c>Strict-Transport-Security</c> and <c>WWW-Authenticate</c>.
    /// </value>
    public IList<string> PreservedResponseHeaders { get; } =
        new List<string> { "Access-Control-*", "Strict-Transport-Security", "WWW-Authenticate" };

    /// <summary>
    /// Gets the names of the query parameters whose values are replaced by <c>***</c> in logs and in the
    /// Development body. An entry without <c>*</c> matches the names that contain it as whole words
    /// (<c>secret</c> matches <c>client_secret</c> and <c>clientSecret</c>); an entry with <c>*</c> matches by
    /// prefix, suffix or part. Names are compared case-insensitively and percent-decoded.
    /// </summary>
    /// <value>
    /// The default is <c>password</c>, <c>passwd</c>, <c>pwd</c>, <c>passphrase</c>, <c>secret</c>, <c>token</c>,
    /// <c>access_token</c>, <c>refresh_token</c>, <c>id_token</c>, <c>jwt</c>, <c>auth</c>, <c>authorization</c>,
    /// <c>credential</c>, <c>credentials</c>, <c>api_key</c>, <c>apikey</c>, <c>private_key</c>, <c>key</c>,
    /// <c>code</c>, <c>signature</c>, <c>sig</c>, <c>session</c> and <c>sessionid</c>.
    /// </value>
    public IList<string> RedactedQueryParameters { get; } = new List<string>
    {
        "password", "pwd", "secret", "token", "access_token", "refresh_token", "id_token",
        "api_key", "apikey", "key", "code", "signature", "sig", "session", "sessionid",
        "passwd", "passphrase", "jwt", "auth", "authorization", "credential", "credentials", "private_key",
    };

    /// <summary>
    /// Gets the names of the request headers whose values are replaced by <c>***</c> wherever headers are echoed
    /// (the Development body, <see cref="LogRequestHeaders"/>). Entries match as in
    /// <see cref="RedactedQueryParameters"/>: <c>Token</c> matches <c>X-Refresh-Token</c>, <c>X-Tenant-*</c> matches
    /// by prefix.
    /// </summary>
    /// <value>
    /// The default is <c>Authorization</c>, <c>Cookie</c>, <c>Set-Cookie</c>, <c>Proxy-Authorization</c>,
    /// <c>X-Api-Key</c>, <c>Auth</c>, <c>Token</c>, <c>Secret</c>, <c>Password</c>, <c>Passwd</c>, <c>Api-Key</c>,
    /// <c>Session</c>, <c>Signature</c>, <c>Credential</c>, <c>Credentials</c>, <c>Csrf</c>, <c>Xsrf</c>, <c>Jwt</c>,
    /// <c>DPoP</c>, <c>Private-Key</c>, <c>Subscription-Key</c> and <c>Functions-Key</c>.
    /// </value>
    public IList<string> RedactedHeaders { get; } = new List<string>
    {
        "Authorization", "Cookie", "Set-Cookie", "Proxy-Authorization", "X-Api-Key",
        "Auth", "Token", "Secret", "Password", "Passwd", "Api-Key", "Session", "Signature", "Credential",
        "Credentials", "Csrf", "Xsrf", "Jwt", "DPoP", "Private-Key", "Subscription-Key", "Functions-Key",
    };

    /// <summary>
    /// Gets the status codes of exception types, for configuration: the key is the full name of an exception type
    /// in the loaded assemblies (<c>System.TimeoutException</c>), the value a status code of 200–599 except 204,
    /// 205 and 304; another key or value fails start-up. A <see cref="Map{TException}(int)"/> of the same type wins.
    /// </summary>
    /// <value>The default is empty.</value>
    public IDictionary<string, int> StatusCodes { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the base of the problem <c>type</c> URIs named by error codes: a problem whose mapping has an
    /// <see cref="ExceptionMapping.Code"/> and no <see cref="ExceptionMapping.Type"/> gets the <c>type</c> of this URI
    /// joined with the code by one <c>/</c> (<c>https://errors.example.com/</c> and <c>order-not-found</c> give
    /// <c>https://errors.example.com/order-not-found</c>). It must be an absolute URI without a query or a fragment.
    /// </summary>
    /// <value>The default is <see langword="null"/>: a mapping without a <see cref="ExceptionMapping.Type"/> keeps the framework's <c>type</c> for its status.</value>
    public Uri? ProblemTypeBaseUri { get; set; }

    /// <summary>
    /// Gets or sets a callback that changes the problem details before they are written, for exceptions and for
    /// empty error responses (then <c>ProblemDetailsContext.Exception</c> is <see langword="null"/>). It runs after
    /// the framework's <c>ProblemDetailsOptions.CustomizeProblemDetails</c>. A <c>Status</c> it sets becomes the
    /// status of the response; a status that cannot carry a body is a failure of the handler.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Action<ProblemDetailsContext>? CustomizeProblemDetails { get; set; }

    /// <summary>
    /// Gets or sets a writer that replaces the error response body, for every client, browsers included. It
    /// receives the customized problem details; what it writes is buffered and sent when it returns, with the
    /// status it leaves on the response. A writer that throws, or leaves a status that cannot carry a body, is a
    /// failure of the handler.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the handler writes <c>application/problem+json</c>.</value>
    public Func<ErrorResponseContext, Task>? ResponseWriter { get; set; }

    /// <summary>
    /// Gets or sets a predicate that chooses the exceptions to rethrow, with their original stack, to an outer
    /// middleware; they are neither logged nor answered.
    /// </summary>
    /// <value>The default is <see langword="null"/>: every exception is handled.</value>
    public Func<HttpContext, Exception, bool>? PassThrough { get; set; }

    /// <summary>
    /// Gets or sets whether an exception that an <c>IExceptionHandler</c> service handled is still logged as an
    /// <c>UnhandledException</c> event.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool LogExceptionsHandledByExceptionHandlers { get; set; }

    /// <summary>
    /// Gets or sets whether a response that ends with a status of 400–599, no body and no <c>Content-Type</c>
    /// gets the problem details body for its status. No event is logged for it.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool WriteProblemDetailsForEmptyResponses { get; set; }

    /// <summary>
    /// Gets or sets whether the <c>UnhandledException</c> and <c>ResponseStarted</c> events carry the request
    /// headers, redacted by <see cref="RedactedHeaders"/>, as a <c>RequestHeaders</c> property holding JSON text.
    /// </summary>
    /// <value>The default is <see langword="false"/>: headers are not logged.</value>
    public bool LogRequestHeaders { get; set; }

    /// <summary>
    /// Gets or sets whether the handler logs <c>UnhandledException</c>, <c>ResponseStarted</c> and
    /// <c>RequestAborted</c> events. <c>ErrorHandlerFailed</c> is always logged; traces, metrics and
    /// <see cref="IRequestFailureObserver"/> services are not affected.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool LogFailedRequests { get; set; } = true;

    /// <summary>
    /// Gets or sets whether a request whose <c>Accept</c> header prefers <c>text/html</c> over both JSON types gets
    /// an HTML error page, with the same content as the problem details, instead of
    /// <c>application/problem+json</c>. A <see cref="ResponseWriter"/> wins over the page.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool HtmlErrorPages { get; set; } = true;

    /// <summary>
    /// Gets or sets the window of error-storm mode: within it, only the first failure of each fingerprint (the
    /// exception types and the throw site) is logged with its exception; later ones carry
    /// <c>ExceptionFingerprint</c> and <c>OccurrenceCount</c> instead. <see langword="null"/> attaches the exception
    /// to every event.
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>. When set, it must be greater than zero; in configuration it is a
    /// time span text such as <c>"00:00:10"</c>, and a bare number fails start-up.
    /// </value>
    public TimeSpan? ErrorStormWindow { get; set; }

    /// <summary>
    /// Gets or sets how many failures of each fingerprint keep their <c>UnhandledException</c> event within an
    /// <see cref="ErrorStormWindow"/>; later ones in that window get no event and are counted in one
    /// <c>ErrorStormSummary</c> event (EventId 5) when the window closes, or when the host stops. Metrics, traces
    /// and <see cref="IRequestFailureObserver"/> services still see every failure. At most
    /// <see cref="MaxErrorStormFingerprints"/> fingerprints are tracked; a failure whose fingerprint finds no room is
    /// logged in full. <see langword="null"/> keeps an event for every failure.
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>. When set, it must be between 1 and 10,000, and
    /// <see cref="ErrorStormWindow"/> must be set too.
    /// </value>
    public int? ErrorStormEventsPerWindow { get; set; }

    /// <summary>
    /// The most fingerprints error-storm mode tracks at once: 1,024.
    /// </summary>
    public const int MaxErrorStormFingerprints = 1024;

    internal const int MaxErrorStormEventsPerWindow = 10_000;

    /// <summary>Whether responses carry exception details in <paramref name="environment"/>, as <see cref="ExceptionDetails"/> says.</summary>
    internal bool IncludesExceptionDetails(IHostEnvironment environment) => ExceptionDetails switch
    {
        ExceptionDetailsPolicy.Always => true,
        ExceptionDetailsPolicy.Never => false,
        _ => environment.IsDevelopment(),
    };

    // The keys the configuration section may hold: every option that configuration can express. Delegates
    // and mappings in code cannot be written in configuration, so a key naming them is reported as unknown.
    internal static readonly string[] BindableNames =
    [
        nameof(ExceptionDetails), nameof(GenericDetail), nameof(PreservedResponseHeaders), nameof(RedactedQueryParameters),
        nameof(RedactedHeaders), nameof(StatusCodes), nameof(LogExceptionsHandledByExceptionHandlers),
        nameof(WriteProblemDetailsForEmptyResponses), nameof(LogRequestHeaders), nameof(LogFailedRequests),
        nameof(HtmlErrorPages), nameof(ErrorStormWindow), nameof(ErrorStormEventsPerWindow), nameof(ProblemTypeBaseUri),
    ];
}
