using ErrorHandling.AspNetCore.OpenApi;
using Microsoft.AspNetCore.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Extension methods to declare the global error handler's responses in the OpenAPI documents of
/// <c>Microsoft.AspNetCore.OpenApi</c>.
/// </summary>
public static class GlobalErrorHandlerOpenApiOptionsExtensions
{
    /// <summary>
    /// Declares the error responses of the global error handler on every operation of the document: <c>500</c>, and
    /// the status of each mapping whose status is fixed (<c>Map&lt;TException&gt;(statusCode)</c> and its overloads,
    /// the predicate <c>Map</c> overloads, and the <c>StatusCodes</c> entries of configuration), each with the content
    /// <c>application/problem+json</c> whose schema is the shared component <c>#/components/schemas/ProblemDetails</c>,
    /// and a <c>default</c> response with the same content for the statuses decided at run time.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A status that the operation already declares — through <c>Produces</c>, <c>ProducesProblem</c>,
    /// <c>[ProducesResponseType]</c> or an operation transformer registered before this one — is kept as the
    /// operation declares it, and so is every status within a range it declares (<c>5XX</c>). An endpoint, route
    /// group or controller opts out with <c>WithoutGlobalErrorHandlerResponses()</c> or
    /// <see cref="WithoutGlobalErrorHandlerResponsesAttribute"/>. A <c>ProblemDetails</c> component that the document
    /// already has (the framework adds one for <c>ProducesProblem</c>) is kept, not replaced.
    /// </para>
    /// <para>
    /// The statuses are read from the <see cref="ErrorHandling.AspNetCore.IErrorResponseCatalog"/> of the application's
    /// services when a document is generated. Generating a document when <c>AddGlobalErrorHandler()</c> was not called
    /// throws an <see cref="InvalidOperationException"/> that says to call it.
    /// </para>
    /// <para>
    /// Statuses that only the exception decides (a <c>BadHttpRequestException</c> keeps its own), a problem factory or
    /// a <c>ProblemDetailsException</c> chose, or that an empty response had, are not listed one by one: the
    /// <c>default</c> response, added unless the operation declares its own, describes them, so that clients generated
    /// from the document (Kiota, NSwag) throw them as typed problems. Status ranges (<c>4XX</c>, <c>5XX</c>) are never
    /// added. The schemas' <c>title</c> carries <c>x-ms-primary-error-message: true</c>, which makes it the message of
    /// Kiota's exceptions. The responses of the app's own <c>IExceptionHandler</c> services and of exceptions passed
    /// through, and the HTML page that the handler sends to browsers are not declared.
    /// </para>
    /// </remarks>
    /// <param name="options">The <see cref="OpenApiOptions"/> of the document.</param>
    /// <returns>The <paramref name="options"/>, for chaining.</returns>
    public static OpenApiOptions AddGlobalErrorHandlerResponses(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var transformer = new ErrorResponsesTransformer();
        options.AddOperationTransformer(transformer);
        options.AddDocumentTransformer(transformer);
        return options;
    }
}
