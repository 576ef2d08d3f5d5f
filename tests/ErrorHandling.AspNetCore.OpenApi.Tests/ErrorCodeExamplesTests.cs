using System.Text.Json.Nodes;
using ErrorHandling.AspNetCore.OpenApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace ErrorHandling.AspNetCore.OpenApi.Tests;

/// <summary>The mappings' error codes in the document: one named example per code on its status, and the codes in the description.</summary>
public sealed class ErrorCodeExamplesTests
{
    public static TheoryData<OpenApiSpecVersion> Versions => new() { OpenApiSpecVersion.OpenApi3_0, OpenApiSpecVersion.OpenApi3_1 };

    private static readonly Action<GlobalErrorHandlerOptions> Mappings = options =>
    {
        options.ProblemTypeBaseUri = new Uri("https://errors.example.com/");
        options
            .Map<KeyNotFoundException>(StatusCodes.Status404NotFound, m => m.Code = "order-not-found")
            .Map<FileNotFoundException>(StatusCodes.Status404NotFound, m => (m.Code, m.Title) = ("file-missing", "No such file"))
            .Map<ArgumentException>(StatusCodes.Status400BadRequest);
    };

    private static JsonNode ProblemJson(JsonNode document, string status) =>
        document["paths"]!["/orders/{id}"]!["get"]!["responses"]![status]!["content"]!["application/problem+json"]!;

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task StatusWithCodes_Document_OneNamedExamplePerCode(OpenApiSpecVersion version)
    {
        var document = await OpenApiApp.GetDocumentAsync(app => app.MapGet("/orders/{id}", (int id) => id), Mappings, version: version);

        var examples = ProblemJson(document, "404")["examples"]!.AsObject();
        Assert.Equal(["file-missing", "order-not-found"], examples.Select(e => e.Key));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{ "type": "https://errors.example.com/order-not-found", "title": "Not Found", "status": 404, "code": "order-not-found" }"""),
            examples["order-not-found"]!["value"]));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{ "type": "https://errors.example.com/file-missing", "title": "No such file", "status": 404, "code": "file-missing" }"""),
            examples["file-missing"]!["value"]));
    }

    [Fact]
    public async Task StatusWithCodes_Document_DescriptionListsTheCodes()
    {
        var document = await OpenApiApp.GetDocumentAsync(app => app.MapGet("/orders/{id}", (int id) => id), Mappings);

        var response = document["paths"]!["/orders/{id}"]!["get"]!["responses"]!["404"]!;
        Assert.Equal("Not Found. Error codes: `file-missing`, `order-not-found`.", response["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatusWithoutCodes_Document_NoExamplesAndThePlainDescription()
    {
        var document = await OpenApiApp.GetDocumentAsync(app => app.MapGet("/orders/{id}", (int id) => id), Mappings);

        Assert.Null(ProblemJson(document, "400")["examples"]);
        Assert.Equal("Bad Request", document["paths"]!["/orders/{id}"]!["get"]!["responses"]!["400"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProblemDetailsSchema_Document_DeclaresTheCodeMember()
    {
        var document = await OpenApiApp.GetDocumentAsync(app => app.MapGet("/orders/{id}", (int id) => id), Mappings);

        var code = document.Schemas()["ProblemDetails"]!["properties"]!["code"]!;
        Assert.Equal("string", code["type"]!.GetValue<string>());
    }
}
