using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ErrorHandling.AspNetCore.OpenApi.Tests.Infrastructure;

/// <summary>
/// A real <see cref="WebApplication"/> on <see cref="TestServer"/> that serves its OpenAPI document at
/// <c>/openapi/v1.json</c>, as an app using the package does: <c>AddOpenApi(o => o.AddGlobalErrorHandlerResponses())</c>
/// and <c>MapOpenApi()</c>, with the global error handler in front of its endpoints.
/// </summary>
public static class OpenApiApp
{
    private static readonly Lazy<string> EmptyContentRoot = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ErrorHandling.AspNetCore.OpenApi.Tests", "content-root")).FullName);

    /// <summary>
    /// Starts the app and returns its document, after checking that it loads without errors. With
    /// <paramref name="controllers"/>, MVC is added and the document describes the test controllers' actions too.
    /// </summary>
    public static async Task<JsonNode> GetDocumentAsync(
        Action<WebApplication> mapEndpoints,
        Action<GlobalErrorHandlerOptions>? configureHandler = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<OpenApiOptions>? configureOpenApi = null,
        OpenApiSpecVersion version = OpenApiSpecVersion.OpenApi3_1,
        bool controllers = false)
    {
        await using var app = await StartAsync(mapEndpoints, configureHandler, configureBuilder, configureOpenApi, version, controllers);
        var json = await app.GetTestClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        AssertLoadsWithoutErrors(json);
        return JsonNode.Parse(json)!;
    }

    public static async Task<WebApplication> StartAsync(
        Action<WebApplication> mapEndpoints,
        Action<GlobalErrorHandlerOptions>? configureHandler = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<OpenApiOptions>? configureOpenApi = null,
        OpenApiSpecVersion version = OpenApiSpecVersion.OpenApi3_1,
        bool controllers = false,
        bool addGlobalErrorHandler = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",

            // MVC finds the test controllers in the application's assembly.
            ApplicationName = typeof(OpenApiApp).Assembly.GetName().Name,
            ContentRootPath = EmptyContentRoot.Value,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        if (controllers)
        {
            // Without MVC's services its actions would not be described even when the test controllers are found.
            builder.Services.AddControllers();
        }

        if (addGlobalErrorHandler)
        {
            builder.Services.AddGlobalErrorHandler(options => configureHandler?.Invoke(options));
        }

        builder.Services.AddOpenApi(options =>
        {
            options.OpenApiVersion = version;
            configureOpenApi?.Invoke(options);
            options.AddGlobalErrorHandlerResponses();
        });
        configureBuilder?.Invoke(builder);

        var app = builder.Build();
        if (addGlobalErrorHandler)
        {
            app.UseGlobalErrorHandler();
        }

        app.MapOpenApi();
        mapEndpoints(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>Reads the document with Microsoft.OpenApi's reader and fails on any error it reports.</summary>
    public static OpenApiDocument AssertLoadsWithoutErrors(string json)
    {
        var (document, diagnostic) = OpenApiDocument.Parse(json, OpenApiConstants.Json);
        Assert.NotNull(diagnostic);
        Assert.Empty(diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        return Assert.IsType<OpenApiDocument>(document);
    }

    /// <summary>The responses of the operation <paramref name="method"/> <paramref name="path"/>.</summary>
    public static JsonObject Responses(this JsonNode document, string path, string method = "get") =>
        document["paths"]![path]![method]!["responses"]!.AsObject();

    /// <summary>The status codes an operation declares, in the document's order.</summary>
    public static string[] StatusCodes(this JsonNode document, string path, string method = "get") =>
        [.. document.Responses(path, method).Select(response => response.Key)];

    /// <summary>The <c>$ref</c> of the <c>application/problem+json</c> schema of a response, or null when it has none.</summary>
    public static string? ProblemSchemaReference(this JsonNode document, string path, string status, string method = "get") =>
        document.Responses(path, method)[status]?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();

    public static JsonObject Schemas(this JsonNode document) =>
        document["components"]?["schemas"]?.AsObject() ?? [];
}
