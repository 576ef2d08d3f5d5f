namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>A fenced code block of a Markdown page.</summary>
/// <param name="Language">The fence's info string's first word (<c>csharp</c>, <c>json</c>, …), empty when none.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Lines">The block's text, line by line.</param>
/// <param name="LineBefore">The source line just above the fence, trimmed: where a snippet marker goes.</param>
public sealed record MarkdownCodeBlock(string Language, int Line, IReadOnlyList<string> Lines, string LineBefore)
{
    /// <summary>Whether the block is C#, which the documentation only shows as compiled code.</summary>
    public bool IsCSharp => Language is "csharp" or "cs" or "c#" or "C#";
}
