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
public sealed class GlobalErrorHandlerOptions
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
    /// compared case-insensitively.
    /// </summary>
    /// <value>
    /// The default is <c>Access-Control-*</c> (so CORS still works for error responses),
    /// <c>Strict-Transport-Security</c> and <c>WWW-Authenticate</c>.
    /// </value>
    public IList<string> PreservedResponseHeaders { get; } =
        new List<string> { "Access-Control-*", "Strict-Transport-Security", "WWW-Authenticate" };

    /// <summary>
    /// Gets the names of the query parameters whose values are replaced by <c>***</c> in logs and in
    /// Development output. Names are compared case-insensitively.
    /// </summary>
    /// <value>
    /// The default is <c>password</c>, <c>pwd</c>, <c>secret</c>, <c>token</c>, <c>access_token</c>,
    /// <c>refresh_token</c>, <c>id_token</c>, <c>api_key</c>, <c>apikey</c>, <c>key</c>, <c>code</c>,
    /// <c>signature</c>, <c>sig</c>, <c>session</c> and <c>sessionid</c>.
    /// </value>
    public IList<string> RedactedQueryParameters { get; } = new List<string>
    {
        "password", "pwd", "secret", "token", "access_token", "refresh_token", "id_token",
        "api_key", "apikey", "key", "code", "signature", "sig", "session", "sessionid",
    };

    /// <summary>
    /// Gets the names of the headers whose values are replaced by <c>***</c> wherever headers are
    /// echoed. A name ending in <c>*</c> matches every header that starts with the rest of it. Names
    /// are compared case-insensitively.
    /// </summary>
    /// <value>
    /// The default is <c>Authorization</c>, <c>Cookie</c>, <c>Set-Cookie</c>,
    /// <c>Proxy-Authorization</c> and <c>X-Api-Key</c>.
    /// </value>
    public IList<string> RedactedHeaders { get; } = new List<string>
    {
        "Authorization", "Cookie", "Set-Cookie", "Proxy-Authorization", "X-Api-Key",
    };

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
    /// the first event carries them too, with an <c>OccurrenceCount</c> of 1. A window starts with the
    /// first failure of its fingerprint and is measured with the <see cref="TimeProvider"/> registered in
    /// the services. At most 1,024 fingerprints are tracked at once; when that many have been seen
    /// within a window, the failures of further new fingerprints are logged with their exception every
    /// time until older windows pass.
    /// </remarks>
    /// <value>
    /// The default is <see langword="null"/>: error-storm mode is off. When set, it must be greater than
    /// zero; in configuration it is a <see cref="TimeSpan"/> text such as <c>"00:00:10"</c>.
    /// </value>
    public TimeSpan? ErrorStormWindow { get; set; }

    // Binding problems found while reading configuration; reported by the validator at start-up so
    // that a typo fails app.Run() with an OptionsValidationException instead of an obscure
    // conversion error on the first failing request.
    internal List<string> ConfigurationErrors { get; } = [];
}
