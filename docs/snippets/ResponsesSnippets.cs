using System.Globalization;
using ErrorHandling.AspNetCore;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.Snippets;

/// <summary>The C# blocks of docs/responses.md.</summary>
public static class ResponsesSnippets
{
    /// <summary>When exception details are written, and the sentence clients get instead.</summary>
    public static void ExceptionDetails(WebApplicationBuilder builder)
    {
        // <exception-details>
        builder.Services.AddGlobalErrorHandler(options =>
        {
            options.ExceptionDetails = ExceptionDetailsPolicy.Never;
            options.GenericDetail = "Something went wrong. Quote the traceId when you contact support.";
        });
        // </exception-details>
    }

    /// <summary>A message written for clients, shown in every environment.</summary>
    public static void ExposeMessage(WebApplicationBuilder builder)
    {
        // <expose-message>
        builder.Services.AddGlobalErrorHandler(options =>
            options.Map<OrderRejectedException>(StatusCodes.Status422UnprocessableEntity, m => m.ExposeMessage = true));
        // </expose-message>
    }

    /// <summary>A response header that survives the reset of the failed response.</summary>
    public static void PreserveHeader(WebApplicationBuilder builder)
    {
        // <preserve-header>
        builder.Services.AddGlobalErrorHandler(options =>
            options.PreservedResponseHeaders.Add("X-Request-Id"));
        // </preserve-header>
    }

    /// <summary>problem+json for every client, browsers included.</summary>
    public static void HtmlPagesOff(WebApplicationBuilder builder)
    {
        // <html-pages-off>
        builder.Services.AddGlobalErrorHandler(options => options.HtmlErrorPages = false);
        // </html-pages-off>
    }

    /// <summary>A problem body for error responses that have none.</summary>
    public static void EmptyResponses(WebApplicationBuilder builder)
    {
        // <empty-responses>
        builder.Services.AddGlobalErrorHandler(options => options.WriteProblemDetailsForEmptyResponses = true);
        // </empty-responses>
    }

    /// <summary>The app's own writer for another media type.</summary>
    public static void ProblemDetailsWriter(WebApplicationBuilder builder)
    {
        // <problem-details-writer>
        builder.Services.AddSingleton<IProblemDetailsWriter, PlainTextProblemDetailsWriter>();
        builder.Services.AddGlobalErrorHandler();
        // </problem-details-writer>
    }

    /// <summary>Problems in the client's language.</summary>
    public static WebApplication Localize(WebApplicationBuilder builder)
    {
        // <localize>
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddGlobalErrorHandler(options =>
        {
            options.Map<OrderLockedException>(StatusCodes.Status409Conflict, mapping => mapping.Title = "The order is locked");
            options.LocalizeWith<SharedResource>();
        });

        var app = builder.Build();
        app.UseGlobalErrorHandler();
        app.UseRequestLocalization(options => options
            .SetDefaultCulture("en")
            .AddSupportedCultures("en", "de")
            .AddSupportedUICultures("en", "de"));
        // </localize>
        return app;
    }

    // The translations live in Resources/SharedResource.de.resx, keyed by the English text.
    private sealed class SharedResource;

    private sealed class OrderLockedException(int orderId) : Exception($"Order {orderId} is locked.");

    // Its messages are written for clients: "Orders over 10,000 EUR need a purchase order number."
    private sealed class OrderRejectedException(string message) : Exception(message);

    // <plain-text-writer>
    internal sealed class PlainTextProblemDetailsWriter : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) =>
            context.HttpContext.Request.Headers.Accept.ToString().Contains("text/plain", StringComparison.OrdinalIgnoreCase);

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            ProblemDetails problem = context.ProblemDetails;
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            return new ValueTask(context.HttpContext.Response.WriteAsync(
                string.Create(CultureInfo.InvariantCulture, $"{problem.Status} {problem.Title}\n{problem.Detail}\ntraceId: {problem.Extensions["traceId"]}\n")));
        }
    }
    // </plain-text-writer>
}
