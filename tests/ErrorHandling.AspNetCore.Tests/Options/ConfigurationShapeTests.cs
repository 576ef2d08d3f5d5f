using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore.Tests.Options;

/// <summary>
/// Configuration as users write it — a JSON file with empty arrays, environment variables, command-line
/// switches, <c>WebApplicationFactory.UseSetting</c> — starts the app and binds as the framework's binder does.
/// </summary>
public sealed class ConfigurationShapeTests
{
    private static readonly string[] DefaultRedactedHeaders = new GlobalErrorHandlerOptions().RedactedHeaders.ToArray();

    private static Task<WebApplication> StartAsync(Action<IConfigurationBuilder> configure) =>
        TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("SENTINEL-SHAPE")),
            builder => configure(builder.Configuration));

    private static GlobalErrorHandlerOptions OptionsOf(WebApplication app) =>
        app.Services.GetRequiredService<IOptions<GlobalErrorHandlerOptions>>().Value;

    [Fact]
    public async Task JsonFile_EmptyArraysAndObjects_StartAndKeepTheDefaults()
    {
        var file = Path.Combine(Path.GetTempPath(), $"errorhandling-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {
              "GlobalErrorHandler": {
                "RedactedHeaders": [],
                "PreservedResponseHeaders": [],
                "RedactedQueryParameters": [],
                "StatusCodes": {}
              }
            }
            """);
        try
        {
            await using var app = await StartAsync(c => c.AddJsonFile(file));

            var options = OptionsOf(app);
            Assert.Equal(DefaultRedactedHeaders, options.RedactedHeaders);
            Assert.Equal(new GlobalErrorHandlerOptions().PreservedResponseHeaders, options.PreservedResponseHeaders);
            Assert.Equal(new GlobalErrorHandlerOptions().RedactedQueryParameters, options.RedactedQueryParameters);
            Assert.Empty(options.StatusCodes);
            Assert.Equal(HttpStatusCode.InternalServerError, (await app.GetTestClient().GetAsync("/fail")).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task JsonFile_ArrayWithEntries_AppendsThemToTheDefaults()
    {
        var file = Path.Combine(Path.GetTempPath(), $"errorhandling-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "GlobalErrorHandler": { "RedactedHeaders": [ "X-Tenant-Secret" ], "StatusCodes": { "System.TimeoutException": 504 } } }""");
        try
        {
            await using var app = await StartAsync(c => c.AddJsonFile(file));

            Assert.Equal([.. DefaultRedactedHeaders, "X-Tenant-Secret"], OptionsOf(app).RedactedHeaders);
            Assert.Equal(504, OptionsOf(app).StatusCodes["System.TimeoutException"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task EnvironmentVariable_EmptyList_TheSampleStartsAndAnswers()
    {
        // An empty variable (GlobalErrorHandler__RedactedHeaders= in a shell or a container spec) exists only
        // in a real process: .NET removes a variable set to "" in-process.
        await using var sample = await SampleProcess.StartAsync(new Dictionary<string, string>
        {
            ["GlobalErrorHandler__RedactedHeaders"] = string.Empty,
            ["GlobalErrorHandler__PreservedResponseHeaders"] = string.Empty,
            ["GlobalErrorHandler__RedactedQueryParameters"] = string.Empty,
        });
        using var client = new HttpClient { BaseAddress = sample.Address };

        var response = await client.GetAsync("/throw");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CommandLine_SectionValueBesideItsChildren_BindsTheChildren()
    {
        await using var app = await StartAsync(c => c.AddCommandLine(
            ["--GlobalErrorHandler:RedactedHeaders=", "--GlobalErrorHandler:RedactedHeaders:0=X-Secret"]));

        Assert.Equal([.. DefaultRedactedHeaders, "X-Secret"], OptionsOf(app).RedactedHeaders);
    }

    [Fact]
    public async Task InMemory_EmptyValueForEveryList_Starts()
    {
        await using var app = await StartAsync(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GlobalErrorHandler:RedactedHeaders"] = string.Empty,
            ["GlobalErrorHandler:PreservedResponseHeaders"] = string.Empty,
            ["GlobalErrorHandler:RedactedQueryParameters"] = string.Empty,
            ["GlobalErrorHandler:StatusCodes"] = string.Empty,
        }));

        Assert.Equal(DefaultRedactedHeaders, OptionsOf(app).RedactedHeaders);
    }

    [Fact]
    public async Task WebApplicationFactory_UseSettingOnTheSample_StartsAndRedactsTheHeader()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Development")
            .UseSetting("GlobalErrorHandler:RedactedHeaders:0", "X-Secret"));
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/throw");
        request.Headers.Add("X-Secret", "SENTINEL-HEADER-VALUE");

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("***", json.RootElement.GetProperty("request").GetProperty("headers").GetProperty("X-Secret").GetString());
        Assert.DoesNotContain("SENTINEL-HEADER-VALUE", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebApplicationFactory_UseSettingForAScalar_WinsOverAppsettings()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("GlobalErrorHandler:GenericDetail", "From the test host."));

        var response = await factory.CreateClient().GetAsync("/throw");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("From the test host.", json.RootElement.GetProperty("detail").GetString());
    }
}
