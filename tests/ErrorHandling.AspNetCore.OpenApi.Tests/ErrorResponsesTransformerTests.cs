using System.Text.Json.Nodes;
using ErrorHandling.AspNetCore.OpenApi.Tests.Infrastructure;
using Microsoft.OpenApi;

namespace ErrorHandling.AspNetCore.OpenApi.Tests;

/// <summary>
/// The transformer on a document built in memory, for what the public API cannot reach yet: statuses that a
/// validation mapping answers with, and ranges declared by another transformer.
/// </summary>
public sealed class ErrorResponsesTransformerTests
{
    [Fact]
    public void DeclareResponses_ValidationStatus_RefersToTheValidationSchema()
    {
        var (document, operation) = DocumentWithOneOperation();

        ErrorResponsesTransformer.DeclareResponses(operation, document, [new(400, true), new(404, false), new(500, false)]);

        Assert.Equal("HttpValidationProblemDetails", SchemaId(operation, "400"));
        Assert.Equal("ProblemDetails", SchemaId(operation, "404"));
        Assert.Equal("ProblemDetails", SchemaId(operation, "500"));
    }

    [Fact]
    public void AddReferencedSchemas_ValidationStatusDeclared_AddsBothSchemas()
    {
        var (document, operation) = DocumentWithOneOperation();
        ErrorResponsesTransformer.DeclareResponses(operation, document, [new(400, true), new(500, false)]);

        ErrorResponsesTransformer.AddReferencedSchemas(document);

        Assert.Equal(["HttpValidationProblemDetails", "ProblemDetails"], document.Components!.Schemas!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddReferencedSchemas_NoValidationStatus_AddsOnlyProblemDetails()
    {
        var (document, operation) = DocumentWithOneOperation();
        ErrorResponsesTransformer.DeclareResponses(operation, document, [new(404, false), new(500, false)]);

        ErrorResponsesTransformer.AddReferencedSchemas(document);

        Assert.Equal(["ProblemDetails"], document.Components!.Schemas!.Keys);
    }

    [Theory]
    [InlineData(OpenApiSpecVersion.OpenApi3_0)]
    [InlineData(OpenApiSpecVersion.OpenApi3_1)]
    public async Task ValidationSchema_Serialized_LoadsWithoutErrorsWithErrorsAsAnObjectOfStringArrays(OpenApiSpecVersion version)
    {
        var (document, operation) = DocumentWithOneOperation();
        ErrorResponsesTransformer.DeclareResponses(operation, document, [new(400, true), new(422, true), new(500, false)]);
        ErrorResponsesTransformer.AddReferencedSchemas(document);

        var json = await document.SerializeAsJsonAsync(version);

        OpenApiApp.AssertLoadsWithoutErrors(json);
        var written = JsonNode.Parse(json)!;
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", written.ProblemSchemaReference("/orders", "422"));
        var errors = written.Schemas()["HttpValidationProblemDetails"]!["properties"]!["errors"]!;
        Assert.Equal("object", errors["type"]!.GetValue<string>());
        Assert.Equal("array", errors["additionalProperties"]!["type"]!.GetValue<string>());
        Assert.Equal("string", errors["additionalProperties"]!["items"]!["type"]!.GetValue<string>());
        Assert.Equal(
            ["type", "title", "status", "detail", "instance", "traceId", "code", "errors"],
            written.Schemas()["HttpValidationProblemDetails"]!["properties"]!.AsObject().Select(m => m.Key));
    }

    [Theory]
    [InlineData("5XX")]
    [InlineData("500")]
    public void DeclareResponses_StatusOrItsRangeAlreadyDeclared_KeepsTheOperationsResponse(string declared)
    {
        var (document, operation) = DocumentWithOneOperation();
        var own = new OpenApiResponse { Description = "The app's own" };
        operation.Responses![declared] = own;

        ErrorResponsesTransformer.DeclareResponses(operation, document, [new(404, false), new(500, false), new(503, false)]);

        Assert.Same(own, operation.Responses[declared]);
        Assert.Equal(declared == "5XX" ? ["200", "5XX", "404", "default"] : ["200", "500", "404", "503", "default"], operation.Responses.Keys);
    }

    [Fact]
    public void DeclareResponses_StatusWithoutAReasonPhrase_StillHasADescription()
    {
        var (document, operation) = DocumentWithOneOperation();

        ErrorResponsesTransformer.DeclareResponses(operation, document, [new(555, false)]);

        Assert.Equal("Error", operation.Responses!["555"].Description);
    }

    [Fact]
    public void DeclareResponses_OperationWithoutResponses_CreatesThem()
    {
        var document = new OpenApiDocument();
        var operation = new OpenApiOperation();

        ErrorResponsesTransformer.DeclareResponses(operation, document, [new(500, false)]);

        Assert.Equal(["500", "default"], operation.Responses!.Keys);
    }

    [Fact]
    public void AddReferencedSchemas_ComponentAlreadyThere_KeepsIt()
    {
        var (document, operation) = DocumentWithOneOperation();
        var existing = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "The app's own" };
        document.Components = new OpenApiComponents { Schemas = new Dictionary<string, IOpenApiSchema> { ["ProblemDetails"] = existing } };
        ErrorResponsesTransformer.DeclareResponses(operation, document, [new(500, false)]);

        ErrorResponsesTransformer.AddReferencedSchemas(document);

        Assert.Same(existing, document.Components.Schemas["ProblemDetails"]);
    }

    private static (OpenApiDocument Document, OpenApiOperation Operation) DocumentWithOneOperation()
    {
        var operation = new OpenApiOperation
        {
            Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "OK" } },
        };
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo { Title = "test", Version = "1.0" },
            Paths = new OpenApiPaths
            {
                ["/orders"] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } },
            },
        };
        return (document, operation);
    }

    private static string? SchemaId(OpenApiOperation operation, string status) =>
        (operation.Responses![status].Content!["application/problem+json"].Schema as OpenApiSchemaReference)?.Reference.Id;
}
