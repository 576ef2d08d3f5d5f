namespace ErrorHandling.Snippets;

/// <summary>The C# blocks of docs/getting-started.md.</summary>
public static class GettingStartedSnippets
{
    /// <summary>The smallest app that uses the handler.</summary>
    public static void MinimalProgram(string[] args)
    {
        // <minimal-program>
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddGlobalErrorHandler();

        var app = builder.Build();
        app.UseGlobalErrorHandler();
        app.MapGet("/orders/{id}", string (int id) => throw new InvalidOperationException($"Order {id} is corrupt."));
        app.Run();
        // </minimal-program>
    }

    /// <summary>Where the handler goes in a pipeline with other middleware.</summary>
    public static void MiddlewareOrder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddGlobalErrorHandler();
        builder.Services.AddControllers();

        // <middleware-order>
        var app = builder.Build();
        app.UseGlobalErrorHandler();    // first: it covers every middleware and endpoint after it
        app.UseHttpsRedirection();
        app.UseStaticFiles();
        app.MapControllers();
        app.Run();
        // </middleware-order>
    }
}
