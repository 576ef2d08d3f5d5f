using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.Tests.Redaction;

/// <summary>
/// The default lists redact names by their words, not only by their exact spelling, in what the framework's JSON
/// console (<c>AddJsonConsole()</c>) prints for a failed request.
/// </summary>
public sealed class RedactionPatternTests
{
    private const string Secret = "SENTINEL-PATTERN-5c1f";

    private static async Task<JsonElement> HandlerLineAsync(string query, params (string Name, string Value)[] headers)
    {
        FormattedLogProvider console = null!;
        await using var app = await TestApp.StartWithHandlerAsync(
            a => a.MapGet("/orders", string () => throw new InvalidOperationException("boom")),
            builder =>
            {
                console = FormattedLogProvider.AddJsonConsole(builder);
                builder.Services.AddGlobalErrorHandler(o => o.LogRequestHeaders = true);
            });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders" + query);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        await app.GetTestClient().SendAsync(request);

        var line = Assert.Single(console.Lines, l => l.Contains(HandlerLog.Category, StringComparison.Ordinal));
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    [Theory]
    [InlineData("client_secret")]
    [InlineData("new_password")]
    [InlineData("passwd")]
    [InlineData("api-key")]
    [InlineData("auth")]
    [InlineData("jwt")]
    [InlineData("user.password")]
    [InlineData("token[0]")]
    [InlineData("clientSecret")]
    [InlineData("X-Api_Key")]
    [InlineData("refreshtoken")]
    public async Task QueryParameter_NamedWithASensitiveWord_IsRedactedByDefault(string name)
    {
        var line = await HandlerLineAsync($"?page=2&{name}={Secret}");

        Assert.Equal($"?page=2&{name}=***", line.GetProperty("State").GetProperty("QueryString").GetString());
        Assert.DoesNotContain(Secret, line.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page")]
    [InlineData("sort")]
    [InlineData("keyword")]
    [InlineData("author")]
    [InlineData("monkey")]
    [InlineData("tokenizer")]
    public async Task QueryParameter_InnocentName_IsKept(string name)
    {
        var line = await HandlerLineAsync($"?{name}=visible");

        Assert.Equal($"?{name}=visible", line.GetProperty("State").GetProperty("QueryString").GetString());
    }

    [Theory]
    [InlineData("Ocp-Apim-Subscription-Key")]
    [InlineData("X-Functions-Key")]
    [InlineData("DPoP")]
    [InlineData("X-Api_Key")]
    [InlineData("Private-Key")]
    [InlineData("X-Jwt")]
    [InlineData("X-Refresh-Token")]
    [InlineData("X-AuthToken")]
    public async Task Header_NamedWithASensitiveWord_IsRedactedByDefault(string name)
    {
        var line = await HandlerLineAsync(string.Empty, (name, Secret), ("X-Trace-Tag", "req-7"));

        var message = line.GetProperty("Message").GetString()!;
        Assert.Contains($"\"{name}\":\"***\"", message, StringComparison.Ordinal);
        Assert.Contains("\"X-Trace-Tag\":\"req-7\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, line.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Request-Id")]
    [InlineData("X-Author")]
    [InlineData("X-Keyword")]
    [InlineData("X-Tokenizer-Version")]
    [InlineData("Accept-Language")]
    public async Task Header_InnocentName_IsKept(string name)
    {
        var line = await HandlerLineAsync(string.Empty, (name, "visible"));

        // HttpClient sends some names in its own spelling (X-Request-ID).
        Assert.Contains($"\"{name}\":\"visible\"", line.GetProperty("Message").GetString()!, StringComparison.OrdinalIgnoreCase);
    }
}
