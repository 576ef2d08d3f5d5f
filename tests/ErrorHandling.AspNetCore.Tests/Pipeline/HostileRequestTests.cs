using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Formatting.Display;

namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>Requests crafted to forge log lines or break bodies, sent as raw bytes to real Kestrel.</summary>
public sealed class HostileRequestTests : IAsyncLifetime
{
    private readonly InMemorySink _sink = new();
    private WebApplication _app = null!;

    public async Task InitializeAsync() =>
        _app = await TestApp.StartWithHandlerAsync(
            app => app.MapGet("/{**path}", string () => throw new InvalidOperationException("boom")),
            builder =>
            {
                builder.WebHost.ConfigureKestrel(k =>
                {
                    k.Limits.MaxRequestLineSize = 64 * 1024;
                    k.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
                });
                builder.Services.AddSerilog(new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_sink).CreateLogger(), dispose: true);
            },
            environment: "Development",
            kestrel: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Head, string Body)> SendRawAsync(string target)
    {
        var address = _app.KestrelAddress();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (raw[..split], raw[(split + 4)..]);
    }

    private string RenderedLogLines()
    {
        var formatter = new MessageTemplateTextFormatter("{Message}{NewLine}", CultureInfo.InvariantCulture);
        using var writer = new StringWriter();
        foreach (var logEvent in _sink.Events.Where(e => e.IsFromHandler() && e.EventId() == 1))
        {
            formatter.Format(logEvent, writer);
        }

        return writer.ToString();
    }

    // Kestrel decodes the path; the handler logs it as a URI component, so decoded control characters
    // go back to percent-escapes and can never start a new line. (A NUL byte, %00, Kestrel itself rejects.)
    [Theory]
    [InlineData("/a%0D%0AERR%20forged%20line", "/a%0D%0AERR%20forged%20line")]
    [InlineData("/a%0Aforged", "/a%0Aforged")]
    [InlineData("/esc%1B%5B31mred", "/esc%1B%5B31mred")]
    [InlineData("/%E2%80%A8sep", "/%E2%80%A8sep")]
    public async Task ControlCharactersInThePath_Logged_AreEscapedOnOneLine(string target, string expectedPath)
    {
        var (head, body) = await SendRawAsync(target);

        Assert.StartsWith("HTTP/1.1 500", head, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
        var logEvent = Assert.Single(_sink.Events, e => e.IsFromHandler() && e.EventId() == 1);
        Assert.Equal(expectedPath, logEvent.Scalar("RequestPath"));
        var rendered = RenderedLogLines();
        Assert.Single(rendered.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain('\r', rendered.TrimEnd());
        Assert.DoesNotContain('\u2028', rendered);
        Assert.DoesNotContain('\u001b', rendered);
        Assert.Equal(expectedPath, json.RootElement.GetProperty("instance").GetString());
    }

    [Theory]
    [InlineData("/bad%zzencoding?x=%zz")]
    [InlineData("/%C3%BCn%C3%AFc%C3%B6d%C3%A9/%E6%97%A5%E6%9C%AC?q=%E2%9C%93")]
    [InlineData("/quote%22and%5Cbackslash%3Cscript%3E?a=%22%7D")]
    public async Task OddButValidTargets_Answered_WithValidJsonAndTheDecodedInstance(string target)
    {
        var (head, body) = await SendRawAsync(target);

        Assert.StartsWith("HTTP/1.1 500", head, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var instance = json.RootElement.GetProperty("instance").GetString()!;
        Assert.DoesNotContain('?', instance);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Single(_sink.Events, e => e.IsFromHandler() && e.EventId() == 1);
    }

    [Fact]
    public async Task SixteenKilobytePathAndQuery_Answered_WithValidJsonAndOneEvent()
    {
        var path = "/" + new string('p', 16 * 1024);
        var query = "?token=SENTINEL-TOKEN&filler=" + new string('q', 16 * 1024);

        var (head, body) = await SendRawAsync(path + query);

        Assert.StartsWith("HTTP/1.1 500", head, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(path, json.RootElement.GetProperty("instance").GetString());
        Assert.DoesNotContain("SENTINEL-TOKEN", body, StringComparison.Ordinal);
        var logEvent = Assert.Single(_sink.Events, e => e.IsFromHandler() && e.EventId() == 1);
        Assert.Equal(path, logEvent.Scalar("RequestPath"));
        Assert.StartsWith("?token=***&filler=qqq", (string)logEvent.Scalar("QueryString")!, StringComparison.Ordinal);
    }
}
