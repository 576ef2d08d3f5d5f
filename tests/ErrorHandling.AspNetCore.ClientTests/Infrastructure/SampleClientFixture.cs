using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ErrorHandling.AspNetCore.ClientTests.Infrastructure;

/// <summary>
/// The sample app in Development, where it serves its OpenAPI document, and the NSwag client generated from that
/// document, compiled once for every test of the class.
/// </summary>
public sealed class SampleClientFixture : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _sample =
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseEnvironment("Development"));

    /// <summary>The sample's document, as <c>/openapi/v1.json</c> serves it.</summary>
    public JsonNode Document { get; private set; } = null!;

    /// <summary>The client generated from <see cref="Document"/>.</summary>
    public GeneratedClient Client { get; private set; } = null!;

    /// <summary>Sees every response the client receives.</summary>
    public RecordingHandler Recorder { get; } = new();

    /// <summary>An instance of the generated client that sends its requests to the sample through <see cref="Recorder"/>.</summary>
    public object ClientInstance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var json = await _sample.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Document = JsonNode.Parse(json)!;
        Client = await GeneratedClient.CreateAsync(json);
        ClientInstance = Client.CreateInstance(_sample.CreateDefaultClient(Recorder));
    }

    public async Task DisposeAsync() => await _sample.DisposeAsync();
}
