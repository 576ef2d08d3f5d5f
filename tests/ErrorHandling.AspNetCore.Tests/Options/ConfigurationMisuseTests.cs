using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore.Tests.Options;

/// <summary>
/// Configuration that the binder would accept without a word yet read otherwise than the user meant stops the app
/// at start-up, with a message naming the key.
/// </summary>
public sealed class ConfigurationMisuseTests
{
    private static Task<WebApplication> StartAsync(Action<IConfigurationBuilder> configure) =>
        TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw new InvalidOperationException("SENTINEL-MISUSE")),
            builder => configure(builder.Configuration));

    private static async Task<string> StartupFailureAsync(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"errorhandling-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(c => c.AddJsonFile(file)));
            return exception.Message;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("RedactedHeaders")]
    [InlineData("RedactedQueryParameters")]
    [InlineData("PreservedResponseHeaders")]
    public async Task JsonFile_ASingleNameWhereAListIsExpected_FailsStartupNamingTheKey(string option)
    {
        var message = await StartupFailureAsync($$"""{ "GlobalErrorHandler": { "{{option}}": "X-Tenant-Key" } }""");

        Assert.Contains($"GlobalErrorHandler:{option} has the value 'X-Tenant-Key', which is a single value where a list is expected", message, StringComparison.Ordinal);
        Assert.Contains($"\"{option}\": [ \"X-Tenant-Key\" ]", message, StringComparison.Ordinal);
        Assert.Contains($"GlobalErrorHandler__{option}__0=X-Tenant-Key", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentVariable_ASingleNameWhereAListIsExpected_FailsStartupNamingTheKey()
    {
        // The variable as a shell or a container spec sets it, read by the framework's environment variable provider
        // under a prefix of this test's own, so no other test sees it.
        var prefix = $"ERRORHANDLING_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "GlobalErrorHandler__RedactedHeaders", "X-Tenant-Key");
        try
        {
            var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(c => c.AddEnvironmentVariables(prefix)));

            Assert.Contains("GlobalErrorHandler:RedactedHeaders has the value 'X-Tenant-Key', which is a single value where a list is expected", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "GlobalErrorHandler__RedactedHeaders", null);
        }
    }

    [Fact]
    public async Task JsonFile_ASingleValueWhereStatusCodesAreExpected_FailsStartupNamingTheKey()
    {
        var message = await StartupFailureAsync("""{ "GlobalErrorHandler": { "StatusCodes": "System.TimeoutException" } }""");

        Assert.Contains("GlobalErrorHandler:StatusCodes has the value 'System.TimeoutException', which is a single value where an object of exception type names and status codes is expected", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ExceptionDetails")]
    [InlineData("GenericDetail")]
    [InlineData("HtmlErrorPages")]
    [InlineData("ErrorStormWindow")]
    public async Task JsonFile_AnObjectWhereAValueIsExpected_FailsStartupNamingTheKey(string option)
    {
        var message = await StartupFailureAsync($$"""{ "GlobalErrorHandler": { "{{option}}": { "x": "Never" } } }""");

        Assert.Contains($"GlobalErrorHandler:{option} is an object or a list where a single value is expected", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonFile_AnObjectInAList_FailsStartupNamingTheEntry()
    {
        var message = await StartupFailureAsync("""{ "GlobalErrorHandler": { "RedactedHeaders": [ { "name": "X-Tenant-Key" } ] } }""");

        Assert.Contains("GlobalErrorHandler:RedactedHeaders:0 is an object or a list where a name is expected", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("**")]
    [InlineData("*")]
    [InlineData("Set-*")]
    [InlineData("*Cookie*")]
    [InlineData("*-Cookie")]
    public async Task JsonFile_PreservedHeaderPatternThatKeepsSetCookie_FailsStartupNamingTheEntry(string pattern)
    {
        var message = await StartupFailureAsync($$"""{ "GlobalErrorHandler": { "PreservedResponseHeaders": [ "{{pattern}}" ] } }""");

        Assert.Contains($"GlobalErrorHandler:PreservedResponseHeaders:0 has the value '{pattern}', which would keep", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("5")]
    public async Task JsonFile_ErrorStormWindowAsABareNumber_FailsStartupSayingTheForm(string value)
    {
        var message = await StartupFailureAsync($$"""{ "GlobalErrorHandler": { "ErrorStormWindow": {{value}} } }""");

        Assert.Contains($"GlobalErrorHandler:ErrorStormWindow has the value '{value}', which is a number without a unit", message, StringComparison.Ordinal);
        Assert.Contains("'00:00:10'", message, StringComparison.Ordinal);
    }
}
