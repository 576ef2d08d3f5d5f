using System.Diagnostics;
using System.Text.RegularExpressions;
using ErrorHandling.AspNetCore.Tests.Infrastructure;

namespace ErrorHandling.AspNetCore.Tests.Reporting;

/// <summary>
/// What docs/logging.md promises of a fingerprint across processes, checked in real processes of the sample: with code
/// compiled once (tiered compilation off), a failure has one fingerprint, the same in every process of the build,
/// whatever the process did before.
/// </summary>
public sealed partial class FingerprintStabilityTests
{
    private const int Requests = 20;

    private static readonly Dictionary<string, string> CompiledOnce = new()
    {
        ["DOTNET_TieredCompilation"] = "0",
        ["GlobalErrorHandler__ErrorStormWindow"] = "01:00:00",
    };

    [Fact]
    public async Task SameFailure_TwoProcessesWithCodeCompiledOnce_OneFingerprintInBoth()
    {
        var first = await FingerprintsOfThrowAsync(warmUpPaths: []);

        // The second process first compiles other endpoints and an MVC action, so its dynamic methods are
        // created in another order.
        var second = await FingerprintsOfThrowAsync(warmUpPaths: ["/ok", "/orders/missing", "/api/orders/7"]);

        var fingerprint = Assert.Single(first.Distinct());
        Assert.Equal(fingerprint, Assert.Single(second.Distinct()));
    }

    private static async Task<string[]> FingerprintsOfThrowAsync(string[] warmUpPaths)
    {
        await using var sample = await SampleProcess.StartAsync(CompiledOnce);
        using var client = new HttpClient { BaseAddress = sample.Address };
        foreach (var path in warmUpPaths)
        {
            (await client.GetAsync(path)).Dispose();
        }

        for (var i = 0; i < Requests; i++)
        {
            using var response = await client.GetAsync("/throw");
            Assert.Equal(500, (int)response.StatusCode);
        }

        // The console output reaches the test through the process's pipe, just after the responses.
        string[] fingerprints = [];
        for (var wait = Stopwatch.StartNew(); fingerprints.Length < Requests && wait.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(20))
        {
            fingerprints = [.. ThrowEvent().Matches(sample.Output).Select(m => m.Groups["fingerprint"].Value)];
        }

        Assert.Equal(Requests, fingerprints.Length);
        return fingerprints;
    }

    [GeneratedRegex(@"GET /throw failed with System\.InvalidOperationException; responded 500 \([^)]*\), occurrence \d+ of (?<fingerprint>[0-9a-f]{16})")]
    private static partial Regex ThrowEvent();
}
