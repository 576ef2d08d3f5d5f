using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Serilog;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>Faults inside the handler's own work never make a failure worse.</summary>
public sealed class HandlerFaultTests
{
    private static async Task<WebApplication> StartAsync(
        Func<Exception> exception,
        string environment,
        Action<WebApplicationBuilder>? configure = null) =>
        await TestApp.StartWithHandlerAsync(
            app =>
            {
                app.MapGet("/fail", string () => throw exception());
                app.MapGet("/ok", () => "still serving");
            },
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
                configure?.Invoke(builder);
            },
            environment);

    private static async Task AssertStillServingAsync(HttpClient client)
    {
        var ok = await client.GetAsync("/ok");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("still serving", await ok.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string> HostileCases() => new()
    {
        { nameof(HostileExceptions.MessageThrowsException), "Production" },
        { nameof(HostileExceptions.MessageThrowsException), "Development" },
        { nameof(HostileExceptions.StackTraceThrowsException), "Production" },
        { nameof(HostileExceptions.StackTraceThrowsException), "Development" },
        { nameof(HostileExceptions.ToStringThrowsException), "Production" },
        { nameof(HostileExceptions.ToStringThrowsException), "Development" },
        { nameof(HostileExceptions.DataThrowsException), "Production" },
        { nameof(HostileExceptions.DataThrowsException), "Development" },
    };

    private static Exception Create(string name) => name switch
    {
        nameof(HostileExceptions.MessageThrowsException) => new HostileExceptions.MessageThrowsException(),
        nameof(HostileExceptions.StackTraceThrowsException) => new HostileExceptions.StackTraceThrowsException(),
        nameof(HostileExceptions.ToStringThrowsException) => new HostileExceptions.ToStringThrowsException(),
        _ => new HostileExceptions.DataThrowsException(),
    };

    [Theory]
    [MemberData(nameof(HostileCases))]
    public async Task ExceptionWithAThrowingMember_AnyEnvironment_StillGetsAProblemAndOneEvent(string kind, string environment)
    {
        await using var app = await StartAsync(() => Create(kind), environment);
        var client = app.GetTestClient();

        var response = await client.GetAsync("/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(environment == "Development", json.RootElement.TryGetProperty("exception", out _));
        Assert.Equal([1], HandlerLog.Records(app.Services).Select(r => r.Id.Id));
        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task ExceptionWithAThrowingToString_SerilogConsoleStyleSink_StillAnswers()
    {
        var sink = new InMemorySink();
        await using var app = await StartAsync(() => new HostileExceptions.ToStringThrowsException(), "Production", builder =>
            builder.Services.AddSerilog(new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger(), dispose: true));
        var client = app.GetTestClient();

        var response = await client.GetAsync("/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task LoggerProviderThatThrows_FailingRequest_StillGetsTheNormalProblem()
    {
        await using var app = await StartAsync(() => new InvalidOperationException("boom"), "Production", builder =>
        {
            // Only the handler's category: a provider broken for every category breaks the host's own logging first.
            builder.Logging.AddProvider(new ThrowingLoggerProvider());
            builder.Logging.AddFilter<ThrowingLoggerProvider>((category, _) => category == HandlerLog.Category);
            builder.Services.AddGlobalErrorHandler(o => o.LogRequestHeaders = true);
        });
        var client = app.GetTestClient();

        var response = await client.GetAsync("/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, json.RootElement.GetProperty("detail").GetString());
        await AssertStillServingAsync(client);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task MegabyteMessage_AnyEnvironment_AnsweredAndLeakedOnlyInDevelopment(string environment)
    {
        var message = "SENTINEL" + new string('x', 1024 * 1024);
        await using var app = await StartAsync(() => new InvalidOperationException(message), environment);

        var response = await app.GetTestClient().GetAsync("/fail");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        if (environment == "Development")
        {
            var detail = json.RootElement.GetProperty("detail").GetString()!;
            Assert.StartsWith(message[..SafeExceptionText.MaxMessageLength], detail, StringComparison.Ordinal);
            Assert.EndsWith($"… ({message.Length - SafeExceptionText.MaxMessageLength} more characters)", detail, StringComparison.Ordinal);
            Assert.Equal(detail, json.RootElement.GetProperty("exception").GetProperty("message").GetString());
            Assert.True(body.Length < 16 * 1024, $"Development body was {body.Length} characters");
        }
        else
        {
            Assert.True(body.Length < 1024, $"Production body was {body.Length} characters");
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task InnerChainTenThousandDeep_AnyEnvironment_BodyIsBounded(string environment)
    {
        var exception = HostileExceptions.DeepChain(10_000);
        await using var app = await StartAsync(() => exception, environment);

        var response = await app.GetTestClient().GetAsync("/fail");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.True(body.Length < 64 * 1024, $"body was {body.Length} characters");
        if (environment == "Development")
        {
            var depth = 0;
            for (var e = json.RootElement.GetProperty("exception"); e.TryGetProperty("innerException", out var inner); e = inner)
            {
                depth++;
            }

            Assert.Equal(8, depth);
        }

        Assert.Same(exception, Assert.Single(HandlerLog.Records(app.Services)).Exception);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task AggregateOfTenThousand_AnyEnvironment_BodyIsBounded(string environment)
    {
        var exception = new AggregateException(Enumerable.Range(0, 10_000).Select(i => new InvalidOperationException($"inner {i}")));
        await using var app = await StartAsync(() => exception, environment, builder =>
            builder.Services.AddGlobalErrorHandler(o => o.Map<AggregateException>(503)));

        var response = await app.GetTestClient().GetAsync("/fail");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        if (environment == "Development")
        {
            Assert.Equal(16, json.RootElement.GetProperty("exception").GetProperty("innerExceptions").GetArrayLength());
        }
        else
        {
            Assert.True(body.Length < 1024, $"Production body was {body.Length} characters");
        }
    }
}
