using ErrorHandling.AspNetCore.OpenApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ErrorHandling.AspNetCore.OpenApi.Tests;

/// <summary>Which statuses the document declares, per operation, through a real host.</summary>
public sealed class DeclaredResponsesTests
{
    private const string ProblemDetailsReference = "#/components/schemas/ProblemDetails";

    [Fact]
    public async Task MinimalEndpoint_NoMappings_Declares500AsProblemJsonOnly()
    {
        var document = await OpenApiApp.GetDocumentAsync(app => app.MapGet("/orders", () => "orders"));

        Assert.Equal(["200", "500", "default"], document.StatusCodes("/orders"));
        var response = document.Responses("/orders")["500"]!;
        Assert.Equal("Internal Server Error", response["description"]!.GetValue<string>());
        Assert.Equal(["application/problem+json"], response["content"]!.AsObject().Select(c => c.Key));
        Assert.Equal(ProblemDetailsReference, document.ProblemSchemaReference("/orders", "500"));
    }

    [Fact]
    public async Task MinimalEndpoint_TypeAndPredicateMappings_DeclaresEachStatusOnceInOrder()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/orders", () => "orders"),
            options => options
                .Map<KeyNotFoundException>(StatusCodes.Status404NotFound)
                .Map<FileNotFoundException>(StatusCodes.Status404NotFound)
                .Map<ArgumentException>(StatusCodes.Status400BadRequest, mapping => mapping.ExposeMessage = true)
                .Map(e => e is HttpRequestException, StatusCodes.Status502BadGateway)
                .Map(e => e is TimeoutException, StatusCodes.Status503ServiceUnavailable, mapping => mapping.Title = "Try again"));

        Assert.Equal(["200", "400", "404", "500", "502", "503", "default"], document.StatusCodes("/orders"));
        foreach (var status in new[] { "400", "404", "500", "502", "503" })
        {
            Assert.Equal(ProblemDetailsReference, document.ProblemSchemaReference("/orders", status));
        }
    }

    [Fact]
    public async Task MapValidation_DeclaresItsStatusWithTheValidationSchema()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/orders", () => "orders"),
            options => options
                .MapValidation<ArgumentException>(_ => new Dictionary<string, string[]>())
                .MapValidation<FormatException>(StatusCodes.Status422UnprocessableEntity, _ => new Dictionary<string, string[]>()));

        Assert.Equal(["200", "400", "422", "500", "default"], document.StatusCodes("/orders"));
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", document.ProblemSchemaReference("/orders", "400"));
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", document.ProblemSchemaReference("/orders", "422"));
        Assert.Equal(ProblemDetailsReference, document.ProblemSchemaReference("/orders", "500"));
    }

    [Fact]
    public async Task StatusFromTheExceptionOrAProblemFactory_IsNotDeclared()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/orders", () => "orders"),
            options => options
                .Map<KeyNotFoundException>(_ => StatusCodes.Status404NotFound)
                .Map<TimeoutException>((_, _) => new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 504 }));

        Assert.Equal(["200", "500", "default"], document.StatusCodes("/orders"));
    }

    [Fact]
    public async Task StatusCodesFromConfiguration_ResolvedTypeName_IsDeclared()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/orders", () => "orders"),
            configureBuilder: builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GlobalErrorHandler:StatusCodes:System.TimeoutException"] = "504",
            }));

        Assert.Equal(["200", "500", "504", "default"], document.StatusCodes("/orders"));
        Assert.Equal(ProblemDetailsReference, document.ProblemSchemaReference("/orders", "504"));
    }

    [Fact]
    public async Task StatusCodesFromConfiguration_SameTypeMappedInCode_OnlyTheCodeStatusIsDeclared()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/orders", () => "orders"),
            options => options.Map<TimeoutException>(StatusCodes.Status503ServiceUnavailable),
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GlobalErrorHandler:StatusCodes:System.TimeoutException"] = "504",
            }));

        Assert.Equal(["200", "500", "503", "default"], document.StatusCodes("/orders"));
    }

    [Fact]
    public async Task MinimalEndpoint_DeclaresItsOwn404_KeepsItAndAddsTheOthers()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/orders/{id}", (int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Produces(StatusCodes.Status404NotFound),
            options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound).Map<ArgumentException>(StatusCodes.Status400BadRequest));

        Assert.Equal(["200", "404", "400", "500", "default"], document.StatusCodes("/orders/{id}"));
        Assert.Null(document.Responses("/orders/{id}")["404"]!["content"]);
    }

    [Fact]
    public async Task ControllerAction_WithMappings_DeclaresThe500AndEachMappedStatus()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapControllers(),
            options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound),
            controllers: true);

        Assert.Equal(["200", "404", "500", "default"], document.StatusCodes("/mvc/orders/{id}"));
        Assert.Equal(ProblemDetailsReference, document.ProblemSchemaReference("/mvc/orders/{id}", "404"));
        Assert.Equal(ProblemDetailsReference, document.ProblemSchemaReference("/mvc/orders/{id}", "500"));
    }

    [Fact]
    public async Task ControllerAction_ProducesResponseType404_KeepsItsOwn404()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapControllers(),
            options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound),
            controllers: true);

        var responses = document.Responses("/mvc/orders/declared/{id}");
        // MVC describes no 200 for an action with [ProducesResponseType] but none for its success.
        Assert.Equal(["404", "500", "default"], document.StatusCodes("/mvc/orders/declared/{id}"));

        // The framework's own content types for an [ApiController] 404, none of them the handler's.
        Assert.Equal(["text/plain", "application/json", "text/json"], responses["404"]!["content"]!.AsObject().Select(c => c.Key));
        Assert.Equal(ProblemDetailsReference, document.ProblemSchemaReference("/mvc/orders/declared/{id}", "500"));
    }

    [Fact]
    public async Task EveryOperation_ManyMappings_EachDeclaresTheSameStatuses()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app =>
            {
                app.MapGet("/a", () => "a");
                app.MapPost("/b", (Order order) => order);
                app.MapDelete("/c/{id}", (int id) => TypedResults.NoContent());
                app.MapControllers();
            },
            options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound).Map<InvalidOperationException>(StatusCodes.Status409Conflict),
            controllers: true);

        Assert.Equal(["200", "404", "409", "500", "default"], document.StatusCodes("/a"));
        Assert.Equal(["200", "404", "409", "500", "default"], document.StatusCodes("/b", "post"));
        Assert.Equal(["204", "404", "409", "500", "default"], document.StatusCodes("/c/{id}", "delete"));
        Assert.Equal(["200", "404", "409", "500", "default"], document.StatusCodes("/mvc/orders/{id}"));
    }

    [Fact]
    public async Task HandlerResponses_NoMediaTypeButProblemJson_TheHtmlPageIsNotDeclared()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/orders", () => "orders"),
            options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound));

        foreach (var status in new[] { "404", "500" })
        {
            Assert.Equal(["application/problem+json"], document.Responses("/orders")[status]!["content"]!.AsObject().Select(c => c.Key));
        }
    }

    [Fact]
    public async Task AnyOperation_StatusDecidedAtRunTime_DeclaresADefaultProblemResponse()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app =>
            {
                app.MapGet("/orders", () => "orders");
                app.MapControllers();
            },
            options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound),
            controllers: true);

        Assert.Equal(["200", "404", "500", "default"], document.StatusCodes("/orders"));
        Assert.Equal(["200", "404", "500", "default"], document.StatusCodes("/mvc/orders/{id}"));
        var response = document.Responses("/orders")["default"]!;
        Assert.Equal(["application/problem+json"], response["content"]!.AsObject().Select(c => c.Key));
        Assert.Equal(ProblemDetailsReference, document.ProblemSchemaReference("/orders", "default"));
        Assert.False(string.IsNullOrWhiteSpace(response["description"]?.GetValue<string>()));
    }

    [Fact]
    public async Task AnyOperation_OnlyValidationMappings_TheDefaultIsStillAPlainProblem()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/orders", () => "orders"),
            options => options.MapValidation<ArgumentException>(_ => new Dictionary<string, string[]>()));

        Assert.Equal(ProblemDetailsReference, document.ProblemSchemaReference("/orders", "default"));
    }

    [Fact]
    public async Task Operation_DeclaresItsOwnDefault_KeepsIt()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/orders", () => "orders"),
            configureOpenApi: options => options.AddOperationTransformer((operation, _, _) =>
            {
                operation.Responses!["default"] = new Microsoft.OpenApi.OpenApiResponse { Description = "The app's own" };
                return Task.CompletedTask;
            }));

        var response = document.Responses("/orders")["default"]!;
        Assert.Equal("The app's own", response["description"]!.GetValue<string>());
        Assert.Null(response["content"]);
    }

    [Fact]
    public async Task AnyOperation_ManyStatuses_NoStatusRangeKeys()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app =>
            {
                app.MapGet("/orders", () => "orders");
                app.MapControllers();
            },
            options => options
                .Map<KeyNotFoundException>(StatusCodes.Status404NotFound)
                .Map<TimeoutException>(StatusCodes.Status504GatewayTimeout)
                .Map<ArgumentException>(_ => StatusCodes.Status422UnprocessableEntity),
            controllers: true);

        var keys = (from path in document["paths"]!.AsObject()
                    from operation in path.Value!.AsObject()
                    from response in operation.Value!["responses"]!.AsObject()
                    select response.Key).ToList();
        Assert.Contains("default", keys);
        Assert.DoesNotContain(keys, key => key.EndsWith("XX", StringComparison.OrdinalIgnoreCase));
    }

    public sealed record Order(int Id, string Product);
}
