namespace ErrorHandling.AspNetCore;

/// <summary>
/// Specifies when the details of an exception (type, message, stack trace, inner exceptions)
/// are written to the error response.
/// </summary>
public enum ExceptionDetailsPolicy
{
    /// <summary>
    /// Details are written only when <c>IHostEnvironment.IsDevelopment()</c> is <see langword="true"/>.
    /// </summary>
    DevelopmentOnly = 0,

    /// <summary>
    /// Details are written in every environment. Use this only for internal services whose clients
    /// are trusted.
    /// </summary>
    Always = 1,

    /// <summary>
    /// Details are never written, not even in Development.
    /// </summary>
    Never = 2,
}
