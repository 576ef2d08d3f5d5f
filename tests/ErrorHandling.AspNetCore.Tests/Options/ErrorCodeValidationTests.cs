using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore.Tests.Options;

/// <summary>Error codes and the problem type base URI are checked when the host starts, with messages naming the types.</summary>
public sealed class ErrorCodeValidationTests
{
    private static async Task<string> StartupFailureAsync(Action<GlobalErrorHandlerOptions> configure, Dictionary<string, string?>? configuration = null)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartWithHandlerAsync(
            app => app.MapGet("/fail", string () => throw new InvalidOperationException()),
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration ?? []);
                builder.Services.AddGlobalErrorHandler(configure);
            }));
        return exception.Message;
    }

    [Theory]
    [InlineData("")]
    [InlineData("order not found")]
    [InlineData("order/not-found")]
    [InlineData("bestellung-ungültig")]
    [InlineData("a-code-that-is-far-too-long-to-be-a-code-that-a-client-switches-on")]
    public async Task Code_NotOneTo64AllowedCharacters_FailsStartupNamingTheType(string code)
    {
        var message = await StartupFailureAsync(o => o.Map<KeyNotFoundException>(404, m => m.Code = code));

        Assert.Contains($"ExceptionMapping.Code of System.Collections.Generic.KeyNotFoundException has the value '{code}'", message, StringComparison.Ordinal);
        Assert.Contains("1–64 characters of A–Z, a–z, 0–9, '.', '_' and '-'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_OfAPredicateMapping_Invalid_FailsStartupNamingTheMapping()
    {
        var message = await StartupFailureAsync(o => o.Map(e => e is TimeoutException, 504, m => m.Code = "time out"));

        Assert.Contains("ExceptionMapping.Code of the predicate mapping to 504 has the value 'time out'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_AtTwoStatuses_FailsStartupNamingBothTypes()
    {
        var message = await StartupFailureAsync(o => o
            .Map<KeyNotFoundException>(404, m => m.Code = "missing")
            .Map<FileNotFoundException>(410, m => m.Code = "missing"));

        Assert.Contains("ExceptionMapping.Code 'missing' is mapped to more than one status", message, StringComparison.Ordinal);
        Assert.Contains("404 (System.Collections.Generic.KeyNotFoundException)", message, StringComparison.Ordinal);
        Assert.Contains("410 (System.IO.FileNotFoundException)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeAndCodeExtension_BothSet_FailsStartupNamingTheType()
    {
        var message = await StartupFailureAsync(o => o.Map<KeyNotFoundException>(404, m =>
        {
            m.Code = "missing";
            m.Extensions["code"] = "other";
        }));

        Assert.Contains("System.Collections.Generic.KeyNotFoundException sets both ExceptionMapping.Code and ExceptionMapping.Extensions[\"code\"]", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/errors/")]
    [InlineData("https://errors.example.com/?v=1")]
    [InlineData("https://errors.example.com/#codes")]
    public async Task ProblemTypeBaseUri_NotAnAbsoluteUriWithoutQueryOrFragment_FailsStartupNamingTheOption(string value)
    {
        var message = await StartupFailureAsync(_ => { }, new() { ["GlobalErrorHandler:ProblemTypeBaseUri"] = value });

        Assert.Contains($"GlobalErrorHandler:ProblemTypeBaseUri has the value '{value}'", message, StringComparison.Ordinal);
        Assert.Contains("absolute http or https URI without a query or a fragment", message, StringComparison.Ordinal);
    }
}
