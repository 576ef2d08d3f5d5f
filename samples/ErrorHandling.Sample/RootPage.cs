using System.Net;
using System.Text;

namespace ErrorHandling.Sample;

/// <summary>
/// Renders the sample's index page: a list of links to the demo endpoints, then to the docs pages that explain them,
/// then to the API documentation when it is served.
/// </summary>
internal static class RootPage
{
    public static string Render(
        IEnumerable<(string Path, string Description)> endpoints,
        IEnumerable<(string Url, string Title)> guides,
        IReadOnlyCollection<(string Path, string Description)> documentation)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ErrorHandling.AspNetCore sample</title></head><body>");
        html.Append("<h1>ErrorHandling.AspNetCore sample</h1><ul>");
        foreach (var (path, description) in endpoints)
        {
            AppendLink(html, path, description);
        }

        html.Append("</ul><h2>Read more</h2><ul>");
        foreach (var (url, title) in guides)
        {
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">")
                .Append(WebUtility.HtmlEncode(title)).Append("</a></li>");
        }

        html.Append("</ul>");
        if (documentation.Count > 0)
        {
            html.Append("<h2>API documentation</h2><ul>");
            foreach (var (path, description) in documentation)
            {
                AppendLink(html, path, description);
            }

            html.Append("</ul>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendLink(StringBuilder html, string path, string description) =>
        html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(path)).Append("\">")
            .Append(WebUtility.HtmlEncode(path)).Append("</a> — ")
            .Append(WebUtility.HtmlEncode(description)).Append("</li>");
}
