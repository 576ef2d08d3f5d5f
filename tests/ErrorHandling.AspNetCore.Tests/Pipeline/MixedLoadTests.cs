using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>
/// A sample-like app on real Kestrel under 20,000 requests from 64 concurrent clients — successes, throws,
/// mapped exceptions and client aborts — checking every response, every log event and the memory.
/// </summary>
[Collection(LoadTestGroup.Name)]
public sealed class MixedLoadTests(ITestOutputHelper output)
{
    private const int Clients = 64;
    private const int Requests = 20_000;
    private const int WarmUpRequests = 2_000;
    private const long MemoryBoundBytes = 32 * 1024 * 1024;

    private enum Kind
    {
        Success,
        Throw,
        Mapped,
        Abort,
    }

    private sealed class Tally
    {
        public int Success;
        public int Throw;
        public int Mapped;
        public int Abort;
    }

    // 50% successes, 30% throws, 15% mapped exceptions, 5% client aborts, interleaved.
    private static Kind KindOf(int i) => (i % 20) switch
    {
        < 10 => Kind.Success,
        < 16 => Kind.Throw,
        < 19 => Kind.Mapped,
        _ => Kind.Abort,
    };

    [Fact]
    public async Task MixedLoad_TwentyThousandRequestsFrom64Clients_EveryResponseRightEveryFailureLoggedOnceNoLeak()
    {
        var logs = new CountingLoggerProvider();
        var arrived = new ConcurrentDictionary<string, TaskCompletionSource>();
        await using var app = await TestApp.StartWithHandlerAsync(
            app =>
            {
                app.MapGet("/ok", () => "ok");
                app.MapGet("/fail", string () => throw new InvalidOperationException("boom"));
                app.MapGet("/orders/{id}", string (int id) => throw new KeyNotFoundException($"order {id}"));
                app.MapGet("/slow/{id}", async (string id, HttpContext context) =>
                {
                    arrived[id].TrySetResult();
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                });
            },
            builder =>
            {
                builder.Services.AddGlobalErrorHandler(o => o.Map<KeyNotFoundException>(StatusCodes.Status404NotFound));
                builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter(HandlerLog.Category, LogLevel.Debug).AddProvider(logs);
            },
            kestrel: true);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients })
        {
            BaseAddress = app.KestrelAddress(),
            Timeout = TimeSpan.FromSeconds(30),
        };

        await RunAsync(client, arrived, WarmUpRequests);
        var warm = new Tally();
        CountInto(warm, WarmUpRequests);
        await WaitForEventsAsync(logs, warm);
        var baseline = SettledMemory();

        var stopwatch = Stopwatch.StartNew();
        await RunAsync(client, arrived, Requests);
        stopwatch.Stop();
        var expected = new Tally();
        CountInto(expected, WarmUpRequests);
        CountInto(expected, Requests);
        await WaitForEventsAsync(logs, expected);
        var after = SettledMemory();
        arrived.Clear();

        output.WriteLine($"{Requests} requests from {Clients} clients in {stopwatch.Elapsed.TotalSeconds:F1} s; memory {baseline / 1024} KiB -> {after / 1024} KiB");
        Assert.Equal(expected.Throw + expected.Mapped, logs.Count(HandlerLog.Category, 1));
        Assert.Equal(expected.Abort, logs.Count(HandlerLog.Category, 4));
        Assert.Equal(0, logs.Count(HandlerLog.Category, 2));
        Assert.Equal(0, logs.Count(HandlerLog.Category, 3));
        Assert.Equal(0, logs.WarningsFromOtherCategories);
        Assert.True(after - baseline < MemoryBoundBytes, $"memory grew by {(after - baseline) / 1024} KiB under load (bound {MemoryBoundBytes / 1024} KiB)");
    }

    private static void CountInto(Tally tally, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            _ = KindOf(i) switch
            {
                Kind.Success => tally.Success++,
                Kind.Throw => tally.Throw++,
                Kind.Mapped => tally.Mapped++,
                _ => tally.Abort++,
            };
        }
    }

    private static async Task RunAsync(HttpClient client, ConcurrentDictionary<string, TaskCompletionSource> arrived, int requests)
    {
        var next = -1;
        var workers = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                await SendAsync(client, arrived, i);
            }
        }));
        await Task.WhenAll(workers);
    }

    private static async Task SendAsync(HttpClient client, ConcurrentDictionary<string, TaskCompletionSource> arrived, int i)
    {
        switch (KindOf(i))
        {
            case Kind.Success:
                {
                    using var response = await client.GetAsync("/ok");
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    Assert.Equal("ok", await response.Content.ReadAsStringAsync());
                    break;
                }

            case Kind.Throw:
                await AssertProblemAsync(client, "/fail", 500);
                break;
            case Kind.Mapped:
                await AssertProblemAsync(client, $"/orders/{i}", 404);
                break;
            default:
                {
                    // A raw socket reset once the server has the request: every abort reaches the handler
                    // (a plain close can go unnoticed by the server until it next reads the connection).
                    var id = i.ToString(CultureInfo.InvariantCulture);
                    var signal = arrived.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    var address = client.BaseAddress!;
                    using var tcp = new TcpClient { LingerState = new LingerOption(true, 0) };
                    await tcp.ConnectAsync(address.Host, address.Port);
                    await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET /slow/{id} HTTP/1.1\r\nHost: localhost\r\n\r\n"));
                    await signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
                    tcp.Close();
                    break;
                }
        }
    }

    private static async Task AssertProblemAsync(HttpClient client, string path, int status)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(path, json.RootElement.GetProperty("instance").GetString());
    }

    private static async Task WaitForEventsAsync(CountingLoggerProvider logs, Tally expected)
    {
        // Aborted requests finish on the server a moment after the client gave up.
        var deadline = Stopwatch.StartNew();
        while (logs.Count(HandlerLog.Category, 4) < expected.Abort && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
        }
    }

    private static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
