using ErrorHandling.AspNetCore.OpenApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.OpenApi.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddGlobalErrorHandlerResponses_NullOptions_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => GlobalErrorHandlerOpenApiOptionsExtensions.AddGlobalErrorHandlerResponses(null!));
    }

    [Fact]
    public void AddGlobalErrorHandlerResponses_Called_ReturnsTheOptionsForChaining()
    {
        var options = new OpenApiOptions();

        Assert.Same(options, options.AddGlobalErrorHandlerResponses());
    }

    [Fact]
    public void WithoutGlobalErrorHandlerResponses_NullBuilder_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => GlobalErrorHandlerOpenApiEndpointConventionBuilderExtensions.WithoutGlobalErrorHandlerResponses<RouteHandlerBuilder>(null!));
    }

    [Fact]
    public async Task DocumentRequested_WithoutAddGlobalErrorHandler_ThrowsNamingTheFix()
    {
        await using var app = await OpenApiApp.StartAsync(app => app.MapGet("/orders", () => "orders"), addGlobalErrorHandler: false);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => app.GetTestClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        Assert.Contains("builder.Services.AddGlobalErrorHandler()", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AddGlobalErrorHandlerResponses()", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddGlobalErrorHandlerResponses_CalledTwice_SameDocumentAsOnce()
    {
        static void Map(WebApplication app) => app.MapGet("/orders", () => "orders");
        static void Mappings(GlobalErrorHandlerOptions options) => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound);

        var once = await OpenApiApp.GetDocumentAsync(Map, Mappings);
        var twice = await OpenApiApp.GetDocumentAsync(Map, Mappings, configureOpenApi: options => options.AddGlobalErrorHandlerResponses());

        Assert.Equal(once.ToJsonString(), twice.ToJsonString());
    }

    [Fact]
    public async Task DocumentRequestedTwice_SameApp_SameDocument()
    {
        await using var app = await OpenApiApp.StartAsync(
            app => app.MapGet("/orders", () => "orders"),
            options => options.Map<KeyNotFoundException>(StatusCodes.Status404NotFound));
        var client = app.GetTestClient();

        var first = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var second = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(first, second);
        Assert.Contains("\"404\"", first, StringComparison.Ordinal);
    }
}
