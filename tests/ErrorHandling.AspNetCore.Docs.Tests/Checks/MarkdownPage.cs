using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ErrorHandling.AspNetCore.Docs.Tests.Checks;

/// <summary>A Markdown page as Markdig parses it: its code blocks, its links and its headings' anchors.</summary>
public sealed class MarkdownPage
{
    // Pipe tables as GitHub reads them, so that a table cell's links and code spans parse as they render there.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private MarkdownPage(string path, IReadOnlyList<MarkdownCodeBlock> codeBlocks, IReadOnlyList<MarkdownLink> links, IReadOnlySet<string> anchors)
    {
        Path = path;
        CodeBlocks = codeBlocks;
        Links = links;
        Anchors = anchors;
    }

    /// <summary>The page's path relative to the repository's root, with <c>/</c> separators.</summary>
    public string Path { get; }

    /// <summary>The fenced code blocks, in order.</summary>
    public IReadOnlyList<MarkdownCodeBlock> CodeBlocks { get; }

    /// <summary>The links and images, in order.</summary>
    public IReadOnlyList<MarkdownLink> Links { get; }

    /// <summary>The anchors of the headings, by GitHub's slug rule.</summary>
    public IReadOnlySet<string> Anchors { get; }

    /// <summary>Parses <paramref name="markdown"/>, the text of the page at <paramref name="path"/>.</summary>
    public static MarkdownPage Parse(string path, string markdown)
    {
        var sourceLines = markdown.ReplaceLineEndings("\n").Split('\n');
        var document = Markdown.Parse(markdown, Pipeline);

        var codeBlocks = document.Descendants<FencedCodeBlock>()
            .Select(block => new MarkdownCodeBlock(
                (block.Info ?? "").Split(' ', 2)[0],
                block.Line + 1,
                Enumerable.Range(0, block.Lines.Count).Select(i => block.Lines.Lines[i].Slice.ToString()).ToList(),
                block.Line > 0 ? sourceLines[block.Line - 1].Trim() : ""))
            .ToList();

        var links = document.Descendants<LinkInline>()
            .Where(static link => link.Url is not null)
            .Select(static link => new MarkdownLink(link.Url!, link.Line + 1))
            .ToList();

        var slugs = new GitHubSlugs();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            slugs.Add(PlainText(heading.Inline));
        }

        return new MarkdownPage(path, codeBlocks, links, slugs.Taken);
    }

    // The text a reader sees: code spans and link texts count, emphasis markers and inline HTML do not.
    private static string PlainText(ContainerInline? container)
    {
        var builder = new StringBuilder();
        Append(builder, container);
        return builder.ToString().Trim();

        static void Append(StringBuilder builder, Inline? inline)
        {
            for (; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        builder.Append(literal.Content.ToString());
                        break;
                    case CodeInline code:
                        builder.Append(code.Content);
                        break;
                    case HtmlEntityInline entity:
                        builder.Append(entity.Transcoded.ToString());
                        break;
                    case LineBreakInline:
                        builder.Append(' ');
                        break;
                    case ContainerInline nested:
                        Append(builder, nested.FirstChild);
                        break;
                }
            }
        }
    }
}
