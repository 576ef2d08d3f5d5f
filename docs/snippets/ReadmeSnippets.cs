using FluentValidation;

namespace ErrorHandling.Snippets;

/// <summary>The C# blocks of README.md.</summary>
public static class ReadmeSnippets
{
    /// <summary>The minimal <c>Program.cs</c>.</summary>
    public static void MinimalProgram(string[] args)
    {
        // <minimal-program>
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddGlobalErrorHandler();

        var app = builder.Build();
        app.UseGlobalErrorHandler();   // first, so it covers everything after it
        app.MapGet("/orders/{id}", string (int id) => throw new InvalidOperationException($"Order {id} is corrupt."));
        app.Run();
        // </minimal-program>
    }

    /// <summary>An exception mapped to 404.</summary>
    public static void MapToNotFound(WebApplicationBuilder builder)
    {
        // <map-to-404>
        builder.Services.AddGlobalErrorHandler(options =>
            options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound));
        // </map-to-404>
    }

    /// <summary>FluentValidation's exception as a validation problem.</summary>
    public static void MapValidation(WebApplicationBuilder builder)
    {
        // <map-validation>
        builder.Services.AddGlobalErrorHandler(options =>
            options.MapValidation<ValidationException>(e => e.Errors
                .GroupBy(failure => failure.PropertyName)
                .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).ToArray())));
        // </map-validation>
    }
}
