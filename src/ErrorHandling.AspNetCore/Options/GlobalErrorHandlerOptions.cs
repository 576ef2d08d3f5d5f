using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Options for the global error handler registered by
/// <c>AddGlobalErrorHandler</c> and added to the pipeline by <c>UseGlobalErrorHandler</c>.
/// </summary>
/// <remarks>
/// The options are bound from the <see cref="SectionName"/> configuration section when it exists,
/// then the delegate passed to <c>AddGlobalErrorHandler</c> runs. Lists bound from configuration are
/// appended to the defaults; remove defaults in code, for example with
/// <c>options.RedactedQueryParameters.Clear()</c>. The options are validated when the host starts.
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
    /// Gets the names of the response headers that are kept when the failed response is reset.
    /// A name ending in <c>*</c> matches every header that starts with the rest of it. Names are
    /// compared case-insensitively. A pattern that would keep <c>Set-Cookie</c> or a header named in
    /// <see cref="RedactedHeaders"/> (<c>*</c>, <c>**</c>, <c>Set-*</c>, <c>*Cookie*</c>) fails start-up.
    /// </summary>
    /// <value>
    /// The default is <c>Access-Control-*</c> (so CORS still works for error responses),
    /// <c>Strict-Transport-Security</c> and <c>WWW-Authenticate</c>.
    /// </value>
    public IList<string> PreservedResponseHeaders { get; } =
        new List<string> { "Access-Control-*", "Strict-Transport-Security", "WWW-Authenticate" };

    /// <summary>
    /// Gets the names of the query parameters whose values are replaced by <c>***</c> in logs and in Development
    /// output. An entry without <c>*</c> is a word matched against the words of a name, ignoring case and the
    /// separators <c>-</c>, <c>_</c>, <c>.</c> and brackets: <c>secret</c> matches <c>client_secret</c> and
    /// <c>clientSecret</c>, <c>password</c> matches <c>user.password</c>, <c>token</c> matches <c>token[0]</c> and
    /// <c>refreshtoken</c>, but <c>key</c> does not match <c>keyword</c> or <c>monkey</c>. An entry with <c>*</c> is a
    /// pattern: a trailing <c>*</c> matches a prefix, a leading one a suffix, both a part of the name. Names are
    /// compared percent-decoded.
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
    /// Gets the names of the headers whose values are replaced by <c>***</c> wherever headers are echoed (the
    /// Development body, <see cref="LogRequestHeaders"/>). Entries match as in <see cref="RedactedQueryParameters"/>:
    /// a word matches the names that contain it as whole words (<c>Token</c> matches <c>X-Refresh-Token</c> and
    /// <c>X-AuthToken</c>, <c>Api-Key</c> matches <c>X-Api_Key</c>), and <c>X-Tenant-*</c> matches by prefix.
    /// </summary>
    /// <value>
    /// The default is <c>Authorization</c>, <c>Cookie</c>, <c>Set-Cookie</c>, <c>Proxy-Authorization</c> and
    /// <c>X-Api-Key</c>, and the words <c>Auth</c>, <c>Token</c>, <c>Secret</c>, <c>Password</c>, <c>Passwd</c>,
    /// <c>Api-Key</c>, <c>Session</c>, <c>Signature</c>, <c>Credential</c>, <c>Credentials</c>, <c>Csrf</c>,
    /// <c>Xsrf</c>, <c>Jwt</c>, <c>DPoP</c>, <c>Private-Key</c>, <c>Subscription-Key</c> and <c>Functions-Key</c>
    /// (<c>X-Auth-Token</c>, <c>X-CSRF-Token</c>, <c>X-Amz-Security-Token</c>, <c>X-Hub-Signature-256</c>,
    /// <c>Ocp-Apim-Subscription-Key</c>, <c>X-Functions-Key</c>, …).
    /// </value>
    public IList<string> RedactedHeaders { get; } = new List<string>
    {
        "Authorization", "Cookie", "Set-Cookie", "Proxy-Authorization", "X-Api-Key",
        "Auth", "Token", "Secret", "Password", "Passwd", "Api-Key", "Session", "Signature", "Credential",
        "Credentials", "Csrf", "Xsrf", "Jwt", "DPoP", "Private-Key", "Subscription-Key", "Functions-Key",
    };

    /// <summary>
    /// Gets the status codes for exception types, from configuration: the key is the exception type's full
    /// name (<c>System.TimeoutException</c>, <c>MyApp.OrderNotFoundException</c>), resolved against the
    /// loaded assemblies at start-up; the value is the status code: 200–599 except 204, 205 and 304, whose responses
    /// have no body (another value fails start-up). A mapping made in code with
    /// <see cref="Map{TException}(int)"/> wins over an entry for the same type.
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
    /// Gets or sets a callback that changes the problem details before they are written: add an extension
    /// such as an error code, change the title. It runs after the framework's
    /// <c>ProblemDetailsOptions.CustomizeProblemDetails</c> (when the app called <c>AddProblemDetails</c>), for
    /// exceptions and for empty error responses (then <c>ProblemDetailsContext.Exception</c> is
    /// <see langword="null"/>). Changing <c>Status</c> changes the status of the response; a status outside
    /// 100–599 or without a body (1xx, 204, 205, 304) is a failure of the handler (<c>ErrorHandlerFailed</c>, the
    /// minimal 500; an empty error response is left as it was).
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Action<ProblemDetailsContext>? CustomizeProblemDetails { get; set; }

    /// <summary>
    /// Gets or sets a writer that replaces the problem details body entirely, for example to produce
    /// <c>{ "error": "...", "message": "..." }</c>. It receives the problem details after every
    /// customization and whether exception details may be written. It wins over
    /// <see cref="HtmlErrorPages"/>: when it is set, browsers get what it writes too. What it writes is buffered and
    /// sent when it returns, with the status it leaves on the response; a writer that throws, or leaves a status
    /// outside 100–599 or without a body (1xx, 204, 205, 304), is a failure of the handler
    /// (<c>ErrorHandlerFailed</c>, the minimal 500).
    /// </summary>
    /// <value>The default is <see langword="null"/>: the handler writes <c>application/problem+json</c>.</value>
    public Func<ErrorResponseContext, Task>? ResponseWriter { get; set; }

    /// <summary>
    /// Gets or sets a predicate that chooses exceptions to let through untouched, to an outer middleware
    /// that owns them: they are rethrown with their original stack, not logged and not answered.
    /// </summary>
    /// <value>The default is <see langword="null"/>: every exception is handled.</value>
    public Func<HttpContext, Exception, bool>? PassThrough { get; set; }

    /// <summary>
    /// Gets or sets whether an exception that one of the framework's <c>IExceptionHandler</c> services
    /// (registered with <c>AddExceptionHandler&lt;T&gt;()</c>) handled is still logged as an
    /// <c>UnhandledException</c> event.
    /// </summary>
    /// <value>The default is <see langword="false"/>, as in the framework's own exception handler.</value>
    public bool LogExceptionsHandledByExceptionHandlers { get; set; }

    /// <summary>
    /// Gets or sets whether a response that ends with a status of 400–599, no body and no
    /// <c>Content-Type</c> (a 404 from routing, a 405, <c>Results.StatusCode(503)</c>) gets the problem
    /// details body for its status. No exception event is logged for it.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool WriteProblemDetailsForEmptyResponses { get; set; }

    /// <summary>
    /// Gets or sets whether the <c>UnhandledException</c> and <c>ResponseStarted</c> events carry the
    /// request headers, as a <c>RequestHeaders</c> property holding the text of a JSON object (name → value),
    /// with the values of <see cref="RedactedHeaders"/> replaced by <c>***</c>.
    /// </summary>
    /// <value>The default is <see langword="false"/>: headers are not logged.</value>
    public bool LogRequestHeaders { get; set; }

    /// <summary>
    /// Gets or sets whether the handler logs its own event for each failed request: <c>UnhandledException</c>
    /// (EventId 1), <c>ResponseStarted</c> (EventId 2) and <c>RequestAborted</c> (EventId 4). Turn it off when
    /// another pipeline carries the failure instead, such as Serilog's request completion event through the
    /// <c>ErrorHandling.AspNetCore.Serilog</c> package. <c>ErrorHandlerFailed</c> (EventId 3), the handler's own
    /// failure, is always logged; traces, metrics and <see cref="IRequestFailureObserver"/> services are not
    /// affected.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool LogFailedRequests { get; set; } = true;

    /// <summary>
    /// Gets or sets whether a request whose <c>Accept</c> header prefers <c>text/html</c> over JSON (a
    /// browser's navigation) gets an HTML error page instead of <c>application/problem+json</c>. The page
    /// shows the same status, title, detail and trace id as the JSON body, and in Development the exception
    /// details; every value is HTML-encoded, and the page is sent with a <c>Content-Security-Policy</c> that
    /// lets it load and run nothing but its own stylesheet. A tie, such as <c>*/*</c> alone, a missing or a
    /// malformed <c>Accept</c> header mean JSON. A <see cref="ResponseWriter"/> set by the app wins over the page.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool HtmlErrorPages { get; set; } = true;

    /// <summary>
    /// Gets or sets the window of error-storm mode, or <see langword="null"/> to attach the exception
    /// to every log event.
    /// </summary>
    /// <remarks>
    /// Rendering an exception's stack into a log costs more than the rest of the error path together.
    /// When a window is set, only the first failure of each fingerprint (the exception type, its inner
    /// exception types and its throw site) within the window is logged with the exception attached;
    /// each later failure with the same fingerprint still gets its own <c>UnhandledException</c> event
    /// with every request property, but carries <c>ExceptionFingerprint</c> and <c>OccurrenceCount</c>
    /// (2, 3, …) instead of the exception object, so no sink renders the same stack again. In this mode
    /// the first event carries them too, with an <c>OccurrenceCount</c> of 1. The activity's <c>exception</c>
    /// event and the <see cref="IRequestFailureObserver"/> services follow the same decision
    /// (<see cref="RequestFailure.AttachesException"/>). A fingerprint names the methods on the stack, not IL
    /// offsets; while tiered compilation recompiles them in a process's first seconds, a failure can get another
    /// fingerprint or two, each logged with its exception once per window. A window starts with the
    /// first failure of its fingerprint and is measured with the <see cref="TimeProvider"/> registered in
    /// the services. At most 1,024 fingerprints are tracked at once; when that many have been seen
    /// within a window, the failures of further new fingerprints are logged with their exception every
    /// time until older windows pass.
    /// </remarks>
    /// <value>
    /// The default is <see langword="null"/>: error-storm mode is off. When set, it must be greater than
    /// zero; in configuration it is a <see cref="TimeSpan"/> text such as <c>"00:00:10"</c>. A bare number
    /// (<c>10</c>), which <see cref="TimeSpan"/> would read as days, fails start-up.
    /// </value>
    public TimeSpan? ErrorStormWindow { get; set; }

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
        nameof(HtmlErrorPages), nameof(ErrorStormWindow), nameof(ProblemTypeBaseUri),
    ];
}
