namespace ErrorHandling.AspNetCore;

/// <summary>
/// An error code that a <see cref="DeclaredErrorResponse"/> can carry, with the <c>title</c> and <c>type</c> of the
/// problems written with it. Listed by <see cref="DeclaredErrorResponse.Codes"/>.
/// </summary>
public sealed class DeclaredErrorCode
{
    /// <summary>
    /// Initializes a new instance of the <see cref="DeclaredErrorCode"/> class.
    /// </summary>
    /// <param name="code">The error code, the problem's <c>code</c> member.</param>
    /// <param name="title">The problem's <c>title</c>, or <see langword="null"/> when it has none.</param>
    /// <param name="type">The problem's <c>type</c>, or <see langword="null"/> when it has none.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty.</exception>
    public DeclaredErrorCode(string code, string? title, string? type)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
        Title = title;
        Type = type;
    }

    /// <summary>Gets the error code, as the problem's <c>code</c> member carries it.</summary>
    public string Code { get; }

    /// <summary>Gets the <c>title</c> of the problems written with the code.</summary>
    public string? Title { get; }

    /// <summary>Gets the <c>type</c> of the problems written with the code.</summary>
    public string? Type { get; }
}
