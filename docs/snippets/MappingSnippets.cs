using System.ComponentModel.DataAnnotations;
using System.Net;
using ErrorHandling.AspNetCore;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ErrorHandling.Snippets;

/// <summary>The C# blocks of docs/mapping.md.</summary>
public static class MappingSnippets
{
    /// <summary>One exception type, one status.</summary>
    public static void MapToStatus(WebApplicationBuilder builder)
    {
        // <map-to-404>
        builder.Services.AddGlobalErrorHandler(options =>
            options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound));
        // </map-to-404>
    }

    /// <summary>A mapping's title, detail, log level and exposed message; a predicate.</summary>
    public static void ConfigureMapping(WebApplicationBuilder builder)
    {
        // <configure-mapping>
        builder.Services.AddGlobalErrorHandler(options =>
        {
            options.Map<OrderRejectedException>(StatusCodes.Status422UnprocessableEntity, m => m.ExposeMessage = true);
            options.Map<OrderLockedException>(StatusCodes.Status409Conflict, m =>
            {
                m.Title = "The order is locked";
                m.Detail = "Locked orders cannot be changed.";
                m.LogLevel = LogLevel.Information;
            });
            options.Map(e => e is HttpRequestException { StatusCode: HttpStatusCode.NotFound }, StatusCodes.Status502BadGateway);
        });
        // </configure-mapping>
    }

    /// <summary>The status carried by the exception.</summary>
    public static void StatusFromException(WebApplicationBuilder builder)
    {
        // <status-from-exception>
        builder.Services.AddGlobalErrorHandler(options =>
            options.Map<RestException>(e => (int)e.Code));
        // </status-from-exception>
    }

    /// <summary>A problem type of the app's own and members every client gets.</summary>
    public static void TypeAndExtensions(WebApplicationBuilder builder)
    {
        // <type-and-extensions>
        builder.Services.AddGlobalErrorHandler(options =>
            options.Map<OutOfStockException>(StatusCodes.Status409Conflict, m =>
            {
                m.Type = "https://errorhandling.example/problems/out-of-stock";
                m.Extensions["restockExpected"] = true;
            }));
        // </type-and-extensions>
    }

    /// <summary>A stable code per kind of error, and the type URI built from it.</summary>
    public static void ErrorCodes(WebApplicationBuilder builder)
    {
        // <error-codes>
        builder.Services.AddGlobalErrorHandler(options =>
        {
            options.ProblemTypeBaseUri = new Uri("https://errors.example.com/");
            options.Map<OrderNotFoundException>(StatusCodes.Status404NotFound, m => m.Code = "order-not-found");
            options.Map<OrderLockedException>(StatusCodes.Status409Conflict, m =>
            {
                m.Code = "order-locked";
                m.Title = "The order is locked";
            });
            options.Map<RestException>(e => (int)e.Code, m => m.Code = "upstream-failed");
        });
        // </error-codes>
    }

    /// <summary>The whole problem, built by the app.</summary>
    public static void ProblemFactory(WebApplicationBuilder builder)
    {
        // <problem-factory>
        builder.Services.AddGlobalErrorHandler(options =>
            options.Map<PaymentLimitException>((context, e) => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Payment limit exceeded",
                Detail = "Split the payment or ask for a higher limit.",
                Extensions = { ["limit"] = e.Limit },
            }));
        // </problem-factory>
    }

    /// <summary>A validation exception as the framework's validation problem.</summary>
    public static void MapValidation(WebApplicationBuilder builder)
    {
        // <map-validation>
        builder.Services.AddGlobalErrorHandler(options =>
            options.MapValidation<FluentValidation.ValidationException>(e => e.Errors
                .GroupBy(failure => failure.PropertyName)
                .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).ToArray())));
        // </map-validation>
    }

    /// <summary>A DataAnnotations validation failure, answered by the built-in default.</summary>
    public static void ThrowDataAnnotationsValidation(string? email)
    {
        // <throw-validation-exception>
        if (email is null)
        {
            throw new ValidationException(new ValidationResult("Email is required.", ["Email"]), null, email);
        }
        // </throw-validation-exception>
    }

    /// <summary>Exactly this problem, from anywhere in the app.</summary>
    public static void ThrowProblemDetailsException(int ordersThisMinute)
    {
        // <throw-problem-details-exception>
        if (ordersThisMinute >= 5)
        {
            throw new ProblemDetailsException(StatusCodes.Status429TooManyRequests, "Too many orders", "You can place 5 orders a minute.");
        }
        // </throw-problem-details-exception>
    }

    /// <summary>The framework's status code selector, honoured before the final 500.</summary>
    public static void StatusCodeSelector(WebApplicationBuilder builder)
    {
        // <status-code-selector>
        builder.Services.Configure<ExceptionHandlerOptions>(options =>
            options.StatusCodeSelector = exception => exception is TimeoutException
                ? StatusCodes.Status504GatewayTimeout
                : StatusCodes.Status500InternalServerError);
        // </status-code-selector>
    }

    /// <summary>Members added to every problem before it is written.</summary>
    public static void CustomizeProblemDetails(WebApplicationBuilder builder)
    {
        // <customize-problem-details>
        builder.Services.AddGlobalErrorHandler(options =>
            options.CustomizeProblemDetails = context =>
            {
                if (context.Exception is OrderLockedException locked)
                {
                    context.ProblemDetails.Extensions["errorCode"] = locked.ErrorCode;
                }
            });
        // </customize-problem-details>
    }

    /// <summary>A body of the app's own shape instead of problem details.</summary>
    public static void ResponseWriter(WebApplicationBuilder builder)
    {
        // <response-writer>
        builder.Services.AddGlobalErrorHandler(options =>
            options.ResponseWriter = context => context.HttpContext.Response.WriteAsJsonAsync(new
            {
                error = ReasonPhrases.GetReasonPhrase(context.ProblemDetails.Status ?? 500),
                message = context.ProblemDetails.Detail,   // already generic in Production, the message in Development
            }));
        // </response-writer>
    }

    /// <summary>The framework's exception handlers run first.</summary>
    public static void ExceptionHandlers(WebApplicationBuilder builder)
    {
        // <exception-handlers>
        builder.Services.AddExceptionHandler<PaymentDeclinedExceptionHandler>();
        builder.Services.AddGlobalErrorHandler();
        // </exception-handlers>
    }

    /// <summary>Exceptions an outer middleware owns.</summary>
    public static void PassThrough(WebApplicationBuilder builder)
    {
        // <pass-through>
        builder.Services.AddGlobalErrorHandler(options =>
            options.PassThrough = (context, exception) => exception is MaintenanceModeException);
        // </pass-through>
    }

    /// <summary>The framework's handler, before moving to this one.</summary>
    public static void FrameworkHandlerBefore(string[] args)
    {
        // <framework-before>
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<PaymentDeclinedExceptionHandler>();

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is KeyNotFoundException
                ? StatusCodes.Status404NotFound
                : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        // </framework-before>
        app.Run();
    }

    /// <summary>The same app on this handler.</summary>
    public static void FrameworkHandlerAfter(string[] args)
    {
        // <framework-after>
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddExceptionHandler<PaymentDeclinedExceptionHandler>();
        builder.Services.AddGlobalErrorHandler(options =>
        {
            options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound);
            options.WriteProblemDetailsForEmptyResponses = true;
        });

        var app = builder.Build();
        app.UseGlobalErrorHandler();
        // </framework-after>
        app.Run();
    }

    /// <summary>A Hellang ProblemDetails configuration, moved to this handler.</summary>
    public static void FromHellang(WebApplicationBuilder builder)
    {
        // <from-hellang>
        builder.Services.AddGlobalErrorHandler(options =>
        {
            options.Map<NotImplementedException>(StatusCodes.Status501NotImplemented);
            options.Map<RestException>((context, e) => new ProblemDetails
            {
                Status = (int)e.Code,
                Title = e.Message,
            });
            options.PassThrough = (context, exception) => exception is MaintenanceModeException;
            options.CustomizeProblemDetails = context =>
                context.ProblemDetails.Extensions["supportUrl"] = "https://support.example.com";
        });
        // </from-hellang>
    }

    private sealed class OrderLockedException(int orderId) : Exception($"Order {orderId} is locked.")
    {
        public string ErrorCode { get; } = "ORDER_LOCKED";
    }

    private sealed class OrderRejectedException(string message) : Exception(message);

    private sealed class OrderNotFoundException(int orderId) : Exception($"Order {orderId} does not exist.");

    private sealed class RestException(HttpStatusCode code, string message) : Exception(message)
    {
        public HttpStatusCode Code { get; } = code;
    }

    private sealed class OutOfStockException(string sku) : Exception($"{sku} is out of stock.");

    private sealed class PaymentLimitException(decimal limit) : Exception($"The payment exceeds the limit of {limit}.")
    {
        public decimal Limit { get; } = limit;
    }

    private sealed class PaymentDeclinedException(string reason) : Exception($"The payment was declined: {reason}.")
    {
        public string Reason { get; } = reason;
    }

    private sealed class MaintenanceModeException() : Exception("The service is in maintenance.");

    private sealed class PaymentDeclinedExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not PaymentDeclinedException declined)
            {
                return false;
            }

            httpContext.Response.StatusCode = StatusCodes.Status402PaymentRequired;
            await httpContext.Response.WriteAsync(declined.Reason, cancellationToken);
            return true;
        }
    }
}
