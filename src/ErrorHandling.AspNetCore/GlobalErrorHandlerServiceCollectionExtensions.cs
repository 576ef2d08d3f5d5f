using ErrorHandling.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Extension methods to register the global error handler's services.
/// </summary>
public static class GlobalErrorHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services of the global error handler, with options bound from the
    /// <c>GlobalErrorHandler</c> configuration section when it exists and validated when the host
    /// starts. Add the middleware with <c>app.UseGlobalErrorHandler()</c>. Problems the framework writes through
    /// <c>IProblemDetailsService</c> (<c>UseStatusCodePages()</c> with <c>AddProblemDetails()</c>, minimal API
    /// validation) are then answered with the handler's HTML page when the request prefers <c>text/html</c>.
    /// </summary>
    /// <param name="services">The <see cref="IServiceCollection"/> to add the services to.</param>
    /// <returns>The <paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddGlobalErrorHandler(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton<GlobalErrorHandlerMarkerService>();
        services.AddMetrics();
        services.TryAddSingleton<ErrorHandlerMetrics>();
        services.TryAddSingleton<IErrorResponseCatalog, ErrorResponseCatalog>();
        services.AddOptions<GlobalErrorHandlerOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IConfigureOptions<GlobalErrorHandlerOptions>, GlobalErrorHandlerOptionsSetup>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<GlobalErrorHandlerOptions>, GlobalErrorHandlerOptionsValidator>());
        FailureHandlerServices.Add(services);

        // The problem details service asks its writers in registration order; first in the collection, the HTML
        // page answers browsers whether AddProblemDetails() or MVC was added before or after this call.
        if (!services.Any(static d => d.ServiceType == typeof(IProblemDetailsWriter) && d.ImplementationType == typeof(HtmlProblemDetailsWriter)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, HtmlProblemDetailsWriter>());
        }

        return services;
    }

    /// <summary>
    /// Adds the services of the global error handler and configures its options. The delegate runs
    /// after the <c>GlobalErrorHandler</c> configuration section has been bound, so code wins over
    /// configuration.
    /// </summary>
    /// <param name="services">The <see cref="IServiceCollection"/> to add the services to.</param>
    /// <param name="configure">A delegate that configures the <see cref="GlobalErrorHandlerOptions"/>.</param>
    /// <returns>The <paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddGlobalErrorHandler(
        this IServiceCollection services,
        Action<GlobalErrorHandlerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddGlobalErrorHandler();
        services.Configure(configure);
        return services;
    }
}
