using System.Runtime.CompilerServices;
using System.Text.Json;
using CsCheck;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErrorHandling.AspNetCore.Tests.Problems;

/// <summary>
/// Property tests over thousands of random exceptions and paths: the Production body never leaks, and
/// every body is valid problem+json.
/// </summary>
public sealed class NoLeakPropertyTests
{
    private const string Secret = "SECRET-7f3c";
    private const string InnerSecret = "INNER-SECRET-c0de";

    private static readonly Func<string, Exception?, Exception>[] ExceptionFactories =
    [
        (m, i) => new InvalidOperationException(m, i),
        (m, i) => new ArgumentException(m, i),
        (m, i) => new FormatException(m, i),
        (m, i) => new TimeoutException(m, i),
        (m, i) => new NotSupportedException(m, i),
        (m, i) => new KeyNotFoundException(m, i),
        (m, i) => new IOException(m, i),
        (m, i) => new PropertySentinelAlphaException(m, i),
        (m, i) => new PropertySentinelBetaException(m, i),
        (m, i) => new AggregateException(m, i ?? new DivideByZeroException(InnerSecret)),
        (m, i) => new BadHttpRequestException(m, 400, i!),
    ];

    // Metacharacters of JSON, HTML and log formats, plus the sentinels.
    private static readonly Gen<string> Noise = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["<>&\"'\\/{}[]:,\r\n\t\u0000\u001b\u2028\u00e9\u65e5"], 0, 40],
        Gen.Const("</script><script>alert(1)</script>"),
        Gen.Const("\"},\"status\":200,\"x\":{\""));

    private static readonly Gen<(int Factory, string Message, bool WithInner, string Path)> Cases =
        Gen.Select(
            Gen.Int[0, ExceptionFactories.Length - 1],
            Gen.Select(Noise, Noise, (a, b) => a + Secret + b),
            Gen.Bool,
            Gen.String[Gen.Char.AlphaNumeric, 1, 30]);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PropertyThrowSite(Exception exception) => throw exception;

    private static async Task<(DefaultHttpContext Context, string Body, Exception Thrown)> RunAsync(
        (int Factory, string Message, bool WithInner, string Path) testCase, string environment)
    {
        var inner = testCase.WithInner ? new InvalidCastException(InnerSecret + testCase.Message) : null;
        var exception = ExceptionFactories[testCase.Factory](testCase.Message, inner);
        var middleware = StandaloneMiddleware.Create(
            _ => { PropertyThrowSite(exception); return Task.CompletedTask; },
            NullLoggerFactory.Instance,
            environment);
        var context = new DefaultHttpContext { TraceIdentifier = "trace" };
        context.Request.Path = "/" + testCase.Path;
        var body = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        await middleware.InvokeAsync(context);
        await context.Response.BodyWriter.FlushAsync();
        return (context, System.Text.Encoding.UTF8.GetString(body.ToArray()), exception);
    }

    [Fact]
    public void ProductionBody_RandomExceptions_NeverLeaksAndIsAlwaysValidProblemJson() =>
        Cases.Sample(
            testCase =>
            {
                var (context, body, thrown) = RunAsync(testCase, "Production").GetAwaiter().GetResult();

                Assert.Equal("application/problem+json", context.Response.ContentType);
                Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
                Assert.DoesNotContain(InnerSecret, body, StringComparison.Ordinal);
                Assert.DoesNotContain(thrown.GetType().Name, body, StringComparison.Ordinal);
                Assert.DoesNotContain(nameof(PropertyThrowSite), body, StringComparison.Ordinal);
                Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
                using var json = JsonDocument.Parse(body);
                Assert.Equal(context.Response.StatusCode, json.RootElement.GetProperty("status").GetInt32());
                Assert.Equal(context.Request.Path.Value, json.RootElement.GetProperty("instance").GetString());
                Assert.Equal("trace", json.RootElement.GetProperty("traceId").GetString());
                Assert.False(json.RootElement.TryGetProperty("exception", out _));
            },
            iter: 3000);

    [Fact]
    public void DevelopmentBody_RandomExceptions_IsValidJsonAndTheMessageRoundTrips() =>
        Cases.Sample(
            testCase =>
            {
                var (context, body, thrown) = RunAsync(testCase, "Development").GetAwaiter().GetResult();

                using var json = JsonDocument.Parse(body);
                var exception = json.RootElement.GetProperty("exception");
                Assert.Equal(thrown.GetType().FullName, exception.GetProperty("type").GetString());
                Assert.Equal(thrown.Message, exception.GetProperty("message").GetString());
                var shown = thrown is AggregateException { InnerExceptions.Count: 1 } single ? single.InnerExceptions[0] : thrown;
                Assert.Equal(shown.Message, json.RootElement.GetProperty("detail").GetString());
                Assert.Equal(context.Response.StatusCode, json.RootElement.GetProperty("status").GetInt32());
            },
            iter: 3000);

    private sealed class PropertySentinelAlphaException(string message, Exception? inner) : Exception(message, inner);

    private sealed class PropertySentinelBetaException(string message, Exception? inner) : Exception(message, inner);
}
