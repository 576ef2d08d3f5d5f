using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ErrorHandling.AspNetCore.OpenApi;

/// <summary>
/// Declares the handler's error responses on every operation that does not opt out, each pointing to a shared
/// problem schema by reference, then adds the schemas that those references need to the document's components.
/// </summary>
internal sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    private const string DefaultResponseKey = "default";

    private const string DefaultResponseDescription = "Any other error, as a problem details object.";

    // MVC keeps the metadata that endpoint conventions add (MapControllers().WithoutGlobalErrorHandlerResponses())
    // on the endpoints only, not on the action descriptors the document is built from; the actions of opted-out
    // endpoints are gathered once for each version of the endpoint list.
    private volatile OptedOutActions? _optedOutActions;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!IsOptedOut(context.Description.ActionDescriptor, context.ApplicationServices))
        {
            DeclareResponses(operation, context.Document, GetCatalog(context.ApplicationServices).Responses);
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        AddReferencedSchemas(document);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Adds a response for each status that the operation does not declare, directly or through a range, and a
    /// <c>default</c> problem response when the operation has none.
    /// </summary>
    internal static void DeclareResponses(
        OpenApiOperation operation,
        OpenApiDocument? document,
        IReadOnlyList<DeclaredErrorResponse> declared)
    {
        var responses = operation.Responses ??= [];
        foreach (var response in declared)
        {
            var statusCode = response.StatusCode;
            var key = statusCode.ToString(CultureInfo.InvariantCulture);
            if (responses.ContainsKey(key) || responses.ContainsKey(key[0] + "XX") || responses.ContainsKey(key[0] + "xx"))
            {
                continue;
            }

            var schemaId = response.IsValidationProblem ? ProblemSchemas.ValidationProblemDetailsId : ProblemSchemas.ProblemDetailsId;

            // OpenAPI requires a description; the framework uses the reason phrase, and so does this.
            var description = ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error";
            var openApiResponse = CreateProblemResponse(description, schemaId, document);
            DeclareCodes(openApiResponse, openApiResponse.Content![ProblemSchemas.ProblemJsonMediaType], response);
            responses[key] = openApiResponse;
        }

        // Statuses decided at run time (a BadHttpRequestException's, a problem factory's, a ProblemDetailsException's,
        // an empty response given a body) are not listed; without a default, generated clients (Kiota, NSwag) throw
        // them as untyped exceptions holding the raw body. Status ranges (4XX, 5XX) would say the same, but NSwag's
        // clients do not compile with them.
        responses.TryAdd(DefaultResponseKey, CreateProblemResponse(DefaultResponseDescription, ProblemSchemas.ProblemDetailsId, document));
    }

    private static OpenApiResponse CreateProblemResponse(string description, string schemaId, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [ProblemSchemas.ProblemJsonMediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchemaReference(schemaId, document),
            },
        },
    };

    /// <summary>
    /// Lists the error codes mapped to the response's status: one example per code, named by it (a problem with the
    /// status, title, type and code the handler writes), and the codes in the description, for readers of the document
    /// and for generated clients alike.
    /// </summary>
    internal static void DeclareCodes(OpenApiResponse openApiResponse, OpenApiMediaType mediaType, DeclaredErrorResponse response)
    {
        if (response.Codes.Count == 0)
        {
            return;
        }

        mediaType.Examples ??= new Dictionary<string, IOpenApiExample>(StringComparer.Ordinal);
        foreach (var code in response.Codes)
        {
            var value = new JsonObject();
            if (code.Type is not null)
            {
                value["type"] = code.Type;
            }

            if (code.Title is not null)
            {
                value["title"] = code.Title;
            }

            value["status"] = response.StatusCode;
            value["code"] = code.Code;
            mediaType.Examples[code.Code] = new OpenApiExample { Summary = code.Title ?? code.Code, Value = value };
        }

        openApiResponse.Description = $"{openApiResponse.Description}. Error codes: {string.Join(", ", response.Codes.Select(static c => $"`{c.Code}`"))}.";
    }

    /// <summary>
    /// Adds the problem schemas that responses of the document refer to and that its components lack. Done once the
    /// operations are complete, so that a schema the framework generated for the app's own <c>ProducesProblem</c>
    /// under the same id is kept rather than replaced or duplicated; its <c>title</c> is marked as the primary error
    /// message all the same, as the handler's own schemas mark theirs.
    /// </summary>
    internal static void AddReferencedSchemas(OpenApiDocument document)
    {
        var (problemDetails, validationProblemDetails) = FindReferences(document);
        if (problemDetails)
        {
            AddSchema(document, ProblemSchemas.ProblemDetailsId, ProblemSchemas.CreateProblemDetails());
        }

        if (validationProblemDetails)
        {
            AddSchema(document, ProblemSchemas.ValidationProblemDetailsId, ProblemSchemas.CreateValidationProblemDetails());
        }
    }

    private bool IsOptedOut(ActionDescriptor action, IServiceProvider services) =>
        HasOptOut(action.EndpointMetadata)
        || (services.GetService<EndpointDataSource>() is { } endpoints && GetOptedOutActions(endpoints).Contains(action));

    private HashSet<ActionDescriptor> GetOptedOutActions(EndpointDataSource dataSource)
    {
        var endpoints = dataSource.Endpoints;
        var optedOut = _optedOutActions;
        if (optedOut is null || !ReferenceEquals(optedOut.Endpoints, endpoints))
        {
            var actions = new HashSet<ActionDescriptor>();
            foreach (var endpoint in endpoints)
            {
                if (endpoint.Metadata.GetMetadata<ActionDescriptor>() is { } action
                    && endpoint.Metadata.GetMetadata<WithoutGlobalErrorHandlerResponsesAttribute>() is not null)
                {
                    actions.Add(action);
                }
            }

            optedOut = new OptedOutActions(endpoints, actions);
            _optedOutActions = optedOut;
        }

        return optedOut.Actions;
    }

    private static bool HasOptOut(IList<object> endpointMetadata)
    {
        for (var i = 0; i < endpointMetadata.Count; i++)
        {
            if (endpointMetadata[i] is WithoutGlobalErrorHandlerResponsesAttribute)
            {
                return true;
            }
        }

        return false;
    }

    private static IErrorResponseCatalog GetCatalog(IServiceProvider services) =>
        services.GetService<IErrorResponseCatalog>()
            ?? throw new InvalidOperationException(
                "Unable to find the services of the global error handler, whose responses 'AddGlobalErrorHandlerResponses()' " +
                "declares in the OpenAPI document. Call 'builder.Services.AddGlobalErrorHandler()' when configuring the " +
                "services of the application, and 'app.UseGlobalErrorHandler()' first in its pipeline.");

    private static (bool ProblemDetails, bool ValidationProblemDetails) FindReferences(OpenApiDocument document)
    {
        var (problemDetails, validationProblemDetails) = (false, false);
        if (document.Paths is null)
        {
            return (problemDetails, validationProblemDetails);
        }

        foreach (var pathItem in document.Paths.Values)
        {
            if (pathItem.Operations is null)
            {
                continue;
            }

            foreach (var operation in pathItem.Operations.Values)
            {
                if (operation.Responses is null)
                {
                    continue;
                }

                foreach (var response in operation.Responses.Values)
                {
                    if (response.Content is null)
                    {
                        continue;
                    }

                    foreach (var mediaType in response.Content.Values)
                    {
                        if (mediaType.Schema is OpenApiSchemaReference { Reference.Id: { } id })
                        {
                            problemDetails |= id == ProblemSchemas.ProblemDetailsId;
                            validationProblemDetails |= id == ProblemSchemas.ValidationProblemDetailsId;
                        }
                    }
                }
            }
        }

        return (problemDetails, validationProblemDetails);
    }

    private static void AddSchema(OpenApiDocument document, string id, OpenApiSchema schema)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (!document.Components.Schemas.TryAdd(id, schema))
        {
            ProblemSchemas.MarkTitleAsPrimaryErrorMessage(document.Components.Schemas[id]);
        }
    }

    private sealed record OptedOutActions(IReadOnlyList<Endpoint> Endpoints, HashSet<ActionDescriptor> Actions);
}
