using ErrorHandling.AspNetCore.OpenApi;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Extension methods to leave the global error handler's responses out of the OpenAPI operations of endpoints.
/// </summary>
public static class GlobalErrorHandlerOpenApiEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Leaves the responses of the global error handler out of the OpenAPI operations of these endpoints (an
    /// endpoint, a route group, the controller actions of <c>MapControllers()</c>): <c>AddGlobalErrorHandlerResponses()</c>
    /// declares none of its statuses there. Only the document changes: the handler still answers every exception.
    /// </summary>
    /// <typeparam name="TBuilder">The type of the endpoint convention builder.</typeparam>
    /// <param name="builder">The endpoint convention builder.</param>
    /// <returns>The <paramref name="builder"/>, for chaining.</returns>
    public static TBuilder WithoutGlobalErrorHandlerResponses<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Add(static endpoint => endpoint.Metadata.Add(new WithoutGlobalErrorHandlerResponsesAttribute()));
        return builder;
    }
}
