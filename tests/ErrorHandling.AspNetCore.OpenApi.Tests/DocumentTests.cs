using System.Text.Json.Nodes;
using ErrorHandling.AspNetCore.OpenApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace ErrorHandling.AspNetCore.OpenApi.Tests;

/// <summary>The document as a whole: valid in both OpenAPI versions, one shared schema, every reference resolved.</summary>
public sealed class DocumentTests
{
    public static TheoryData<OpenApiSpecVersion, string> Versions => new()
    {
        { OpenApiSpecVersion.OpenApi3_0, "3.0." },
        { OpenApiSpecVersion.OpenApi3_1, "3.1." },
    };

    private static readonly Action<GlobalErrorHandlerOptions> Mappings = options => options
        .Map<KeyNotFoundException>(StatusCodes.Status404NotFound)
        .Map<ArgumentException>(StatusCodes.Status400BadRequest)
        .Map(e => e is TimeoutException, StatusCodes.Status504GatewayTimeout);

    private static void MapEverything(WebApplication app)
    {
        app.MapGet("/orders/{id}", (int id) => new Order(id, "book"));
        app.MapPost("/orders", (Order order) => Results.Created($"/orders/{order.Id}", order)).Produces(StatusCodes.Status404NotFound);
        app.MapGet("/quiet", () => "quiet").WithoutGlobalErrorHandlerResponses();
        app.MapControllers();
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Document_EitherOpenApiVersion_LoadsWithoutErrorsAndDeclaresTheResponses(OpenApiSpecVersion version, string prefix)
    {
        // GetDocumentAsync fails the test on any error of Microsoft.OpenApi's reader.
        var document = await OpenApiApp.GetDocumentAsync(MapEverything, Mappings, version: version, controllers: true);

        Assert.StartsWith(prefix, document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["200", "400", "404", "500", "504", "default"], document.StatusCodes("/orders/{id}"));
        Assert.Equal("#/components/schemas/ProblemDetails", document.ProblemSchemaReference("/orders/{id}", "504"));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Document_ManyOperations_OneSharedProblemDetailsSchema(OpenApiSpecVersion version, string prefix)
    {
        _ = prefix;
        var document = await OpenApiApp.GetDocumentAsync(MapEverything, Mappings, version: version, controllers: true);

        var problemResponses = ProblemJsonSchemas(document).ToList();
        Assert.True(problemResponses.Count >= 12, $"only {problemResponses.Count} problem responses");
        Assert.All(problemResponses, schema => Assert.Equal("#/components/schemas/ProblemDetails", schema["$ref"]?.GetValue<string>()));
        Assert.Single(document.Schemas(), schema => schema.Key.Contains("Problem", StringComparison.Ordinal));
        Assert.All(References(document), reference => Assert.True(
            document.Schemas().ContainsKey(reference["#/components/schemas/".Length..]), $"{reference} does not resolve"));
    }

    [Fact]
    public async Task ProblemDetailsSchema_AsTheHandlerWritesIt_CamelCaseMembersAndANumericStatus()
    {
        var document = await OpenApiApp.GetDocumentAsync(app => app.MapGet("/orders", () => "orders"));

        var schema = document.Schemas()["ProblemDetails"]!;
        Assert.Equal("object", schema["type"]!.GetValue<string>());
        var members = schema["properties"]!.AsObject();
        Assert.Equal(["type", "title", "status", "detail", "instance", "traceId", "code"], members.Select(m => m.Key));
        Assert.Equal("integer", members["status"]!["type"]!.GetValue<string>());
        Assert.Equal("string", members["traceId"]!["type"]!.GetValue<string>());

        // Extension members (a mapping's errorCode, Development's exception) must stay valid.
        Assert.Null(schema["additionalProperties"]);
        Assert.Null(schema["required"]);
    }

    [Fact]
    public async Task AppEndpoint_ProducesProblem_TheFrameworksSchemaIsKeptAndShared()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app =>
            {
                app.MapGet("/first", () => "first");
                app.MapGet("/second", () => "second").ProducesProblem(StatusCodes.Status409Conflict);
            },
            options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound));

        Assert.Equal("#/components/schemas/ProblemDetails", document.ProblemSchemaReference("/second", "409"));
        Assert.Equal("#/components/schemas/ProblemDetails", document.ProblemSchemaReference("/first", "404"));
        Assert.Single(document.Schemas(), schema => schema.Key.Contains("Problem", StringComparison.Ordinal));

        // The framework's schema (generated from the ProblemDetails type) has no traceId member: it was not replaced.
        Assert.False(document.Schemas()["ProblemDetails"]!["properties"]!.AsObject().ContainsKey("traceId"));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ProblemSchemas_ForGeneratedClients_TitleIsThePrimaryErrorMessage(OpenApiSpecVersion version, string prefix)
    {
        _ = prefix;
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/orders", () => "orders"),
            options => options.MapValidation<ArgumentException>(_ => new Dictionary<string, string[]>()),
            version: version);

        foreach (var id in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            var members = document.Schemas()[id]!["properties"]!.AsObject();
            Assert.True(members["title"]!["x-ms-primary-error-message"]!.GetValue<bool>(), id);
            Assert.Null(members["detail"]!["x-ms-primary-error-message"]);
        }
    }

    [Fact]
    public async Task AppEndpoint_ProducesProblem_TheFrameworksSchemaTitleIsThePrimaryErrorMessage()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/orders", () => "orders").ProducesProblem(StatusCodes.Status409Conflict));

        var members = document.Schemas()["ProblemDetails"]!["properties"]!.AsObject();
        Assert.False(members.ContainsKey("traceId"));
        Assert.True(members["title"]!["x-ms-primary-error-message"]!.GetValue<bool>());
    }

    private static IEnumerable<JsonNode> ProblemJsonSchemas(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        from response in operation.Value!["responses"]!.AsObject()
        let schema = response.Value!["content"]?["application/problem+json"]?["schema"]
        where schema is not null
        select schema;

    private static IEnumerable<string> References(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(member => member.Key == "$ref"
            ? [member.Value!.GetValue<string>()]
            : member.Value is null ? [] : References(member.Value)),
        JsonArray array => array.SelectMany(item => item is null ? [] : References(item)),
        _ => [],
    };

    public sealed record Order(int Id, string Product);
}
