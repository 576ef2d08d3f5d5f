using System.Net;
using System.Text;

namespace ErrorHandling.Sample;

/// <summary>Renders the sample's index page: a list of links to the demo endpoints.</summary>
internal static class RootPage
{
    public static string Render(IEnumerable<(string Path, string Description)> endpoints)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ErrorHandling.AspNetCore sample</title></head><body>");
        html.Append("<h1>ErrorHandling.AspNetCore sample</h1><ul>");
        foreach (var (path, description) in endpoints)
        {
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(path)).Append("\">")
                .Append(WebUtility.HtmlEncode(path)).Append("</a> — ")
                .Append(WebUtility.HtmlEncode(description)).Append("</li>");
        }

        html.Append("</ul></body></html>");
        return html.ToString();
    }
}
