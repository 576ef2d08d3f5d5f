using ErrorHandling.AspNetCore.OpenApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ErrorHandling.AspNetCore.OpenApi.Tests;

/// <summary>Endpoints, groups, actions and controllers that leave the handler's responses out.</summary>
public sealed class OptOutTests
{
    private static readonly Action<GlobalErrorHandlerOptions> Map404 =
        options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound);

    [Fact]
    public async Task MinimalEndpoint_WithoutGlobalErrorHandlerResponses_DeclaresOnlyItsOwn()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app =>
            {
                app.MapGet("/quiet", () => "quiet").WithoutGlobalErrorHandlerResponses();
                app.MapGet("/loud", () => "loud");
            },
            Map404);

        Assert.Equal(["200"], document.StatusCodes("/quiet"));
        Assert.Equal(["200", "404", "500", "default"], document.StatusCodes("/loud"));
    }

    [Fact]
    public async Task RouteGroup_WithoutGlobalErrorHandlerResponses_EveryEndpointOfTheGroupOptsOut()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app =>
            {
                var group = app.MapGroup("/internal").WithoutGlobalErrorHandlerResponses();
                group.MapGet("/a", () => "a");
                group.MapPut("/b", () => TypedResults.NoContent());
            },
            Map404);

        Assert.Equal(["200"], document.StatusCodes("/internal/a"));
        Assert.Equal(["204"], document.StatusCodes("/internal/b", "put"));
    }

    [Fact]
    public async Task MinimalEndpoint_AttributeOnTheHandler_OptsOut()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/quiet", [WithoutGlobalErrorHandlerResponses] () => "quiet"),
            Map404);

        Assert.Equal(["200"], document.StatusCodes("/quiet"));
    }

    [Fact]
    public async Task ControllerAction_Attribute_OnlyThatActionOptsOut()
    {
        var document = await OpenApiApp.GetDocumentAsync(app => app.MapControllers(), Map404, controllers: true);

        Assert.Equal(["200"], document.StatusCodes("/mvc/orders/quiet/{id}"));
        Assert.Equal(["200", "404", "500", "default"], document.StatusCodes("/mvc/orders/{id}"));
    }

    [Fact]
    public async Task Controller_Attribute_EveryActionOptsOut()
    {
        var document = await OpenApiApp.GetDocumentAsync(app => app.MapControllers(), Map404, controllers: true);

        Assert.Equal(["200"], document.StatusCodes("/mvc/quiet"));
        Assert.Equal(["200"], document.StatusCodes("/mvc/quiet", "post"));
    }

    [Fact]
    public async Task EveryOperation_OptedOut_NoProblemSchemaIsAdded()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapGet("/quiet", () => "quiet").WithoutGlobalErrorHandlerResponses(),
            Map404);

        Assert.False(document.Schemas().ContainsKey("ProblemDetails"));
    }

    [Fact]
    public async Task ControllerActions_MapControllersWithoutGlobalErrorHandlerResponses_EveryActionOptsOut()
    {
        var document = await OpenApiApp.GetDocumentAsync(
            app => app.MapControllers().WithoutGlobalErrorHandlerResponses(), Map404, controllers: true);

        Assert.Equal(["200"], document.StatusCodes("/mvc/orders/{id}"));
        Assert.Equal(["200"], document.StatusCodes("/mvc/quiet", "post"));
    }
}
