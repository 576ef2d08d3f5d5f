using System.Net;
using ErrorHandling.AspNetCore;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace ErrorHandling.Sample.Shaping;

/// <summary>Problems shaped the way real apps need: each endpoint, and the mapping that shapes it.</summary>
internal static class ShapingEndpoints
{
    /// <summary>What the root page lists: path and what happens there.</summary>
    public static readonly (string Path, string Description)[] All =
    [
        ("/articles/missing", "RestException carrying HttpStatusCode.NotFound: the status comes from the exception"),
        ("/stock/out", "OutOfStockException, mapped to 409 with the code out-of-stock, which names its type"),
        ("/payments/limit", "PaymentLimitException, answered by a problem factory with the limit"),
        ("/customers/validate?email=not-an-email&age=12", "a FluentValidation ValidationException: 400 with errors"),
        ("/orders/quota", "a ProblemDetailsException: exactly that 429 problem"),
        ("/status-pages/missing", "an empty 404 that UseStatusCodePages() writes through IProblemDetailsService"),
    ];

    /// <summary>How the sample maps these exceptions (called from <c>AddGlobalErrorHandler</c>).</summary>
    public static void MapShapedProblems(GlobalErrorHandlerOptions options)
    {
        options.Map<RestException>(e => (int)e.Code);
        options.Map<OutOfStockException>(StatusCodes.Status409Conflict, mapping => mapping.Code = "out-of-stock");
        options.Map<PaymentLimitException>((_, e) => new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Payment limit exceeded",
            Detail = "Split the payment or ask for a higher limit.",
            Extensions = { ["limit"] = e.Limit },
        });
        options.MapValidation<ValidationException>(e => e.Errors
            .GroupBy(failure => failure.PropertyName)
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).ToArray()));
    }

    public static WebApplication MapShapingEndpoints(this WebApplication app)
    {
        app.MapGet("/articles/missing", string () => throw new RestException(HttpStatusCode.NotFound, "Article not found"));
        app.MapGet("/stock/out", string () => throw new OutOfStockException("SKU-1234"));
        app.MapGet("/payments/limit", string () => throw new PaymentLimitException(500m));
        app.MapGet("/customers/validate", string (string? email, int? age) =>
        {
            new CustomerValidator().ValidateAndThrow(new Customer(email, age ?? 0));
            return "valid";
        });
        app.MapGet("/orders/quota", string () =>
            throw new ProblemDetailsException(StatusCodes.Status429TooManyRequests, "Too many orders", "You can place 5 orders a minute."));
        app.MapGet("/status-pages/missing", () => Results.NotFound());
        return app;
    }
}
