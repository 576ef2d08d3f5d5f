namespace ErrorHandling.Snippets;

/// <summary>The C# blocks of <c>docs/troubleshooting.md</c>.</summary>
public static class TroubleshootingSnippets
{
    /// <summary>The handler first in the pipeline, so it covers every middleware after it.</summary>
    public static void MiddlewareOrder(WebApplicationBuilder builder)
    {
        // <middleware-order>
        builder.Services.AddGlobalErrorHandler();

        var app = builder.Build();
        app.UseGlobalErrorHandler();   // first: it covers only what runs after it
        app.UseHttpsRedirection();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/orders/{id}", (int id) => Results.Ok(id));
        app.Run();
        // </middleware-order>
    }

    /// <summary>One event per failed request with Serilog's request logging.</summary>
    public static void OneSerilogEvent(WebApplicationBuilder builder)
    {
        // <one-serilog-event>
        builder.Services.AddGlobalErrorHandlerSerilog();
        builder.Services.AddGlobalErrorHandler(options => options.LogFailedRequests = false);
        // </one-serilog-event>
    }

    /// <summary>Problem details for every client, browsers included.</summary>
    public static void NoHtmlPages(WebApplicationBuilder builder)
    {
        // <no-html-pages>
        builder.Services.AddGlobalErrorHandler(options => options.HtmlErrorPages = false);
        // </no-html-pages>
    }
}
