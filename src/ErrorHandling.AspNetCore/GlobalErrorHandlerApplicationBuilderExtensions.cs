using ErrorHandling.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Extension methods to add the global error handler to the request pipeline.
/// </summary>
public static class GlobalErrorHandlerApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the global error handler middleware, which catches every exception thrown by the rest of
    /// the pipeline, logs it once and writes an error response. Call it first, so that it covers
    /// every middleware and endpoint after it.
    /// </summary>
    /// <param name="app">The <see cref="IApplicationBuilder"/> to add the middleware to.</param>
    /// <returns>The <paramref name="app"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">
    /// <c>builder.Services.AddGlobalErrorHandler()</c> was not called.
    /// </exception>
    public static IApplicationBuilder UseGlobalErrorHandler(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var services = app.ApplicationServices;
        if (services.GetService<GlobalErrorHandlerMarkerService>() is null)
        {
            throw new InvalidOperationException(
                "Unable to find the services of the global error handler. Call " +
                "'builder.Services.AddGlobalErrorHandler()' when configuring the services of the application, " +
                "before calling 'app.UseGlobalErrorHandler()'.");
        }

        return app.Use(next => GlobalErrorHandlerMiddleware.Create(next, services).InvokeAsync);
    }
}
