using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace ErrorHandling.AspNetCore.Benchmarks;

/// <summary>
/// Where a failure's log event spends its time, against the framework's own event for the same failure
/// (<c>ExceptionHandlerMiddleware</c>'s EventId 1: a constant message and the exception): the parts our side
/// builds (the request values, the state, the message text, the probe, error-storm mode's decision), the JSON
/// console formatter alone on one line, the whole event through the JSON console logger and through Serilog's
/// compact JSON formatter on the console sink (also inside a request's log scope, as hosting runs it), and a
/// constant event without properties or exception, the least any event costs. The console is
/// <see cref="TextWriter.Null"/>, so the final write is free and everything before it is counted.
/// </summary>
[MemoryDiagnoser]
public class LogEventBreakdownBenchmarks : IDisposable
{
    private static readonly Action<ILogger, Exception?> FrameworkEvent = LoggerMessage.Define(
        LogLevel.Error,
        new EventId(1, "UnhandledException"),
        "An unhandled exception has occurred while executing the request.");

    // The load script's floor: one event per failure with nothing in it, what any sink's event costs.
    private static readonly Action<ILogger, Exception?> ConstantEvent = LoggerMessage.Define(
        LogLevel.Error,
        new EventId(1, "UnhandledException"),
        "A request failed.");

    // What ASP.NET Core's hosting puts around every request's events (its HostingLogScope): Serilog adds these to
    // every event; the JSON console logger prints scopes only with IncludeScopes.
    // What error-storm mode keeps of a failure whose event it suppresses; unused while the cap is off.
    private static readonly FailedRequestFacts RepeatFacts = new("System.InvalidOperationException", 500, LogLevel.Error, "trace");

    private static readonly KeyValuePair<string, object?>[] RequestScope =
    [
        new("RequestId", "0HNQI6T3ENJTL:00000001"),
        new("RequestPath", "/orders/42"),
        new("ConnectionId", "0HNQI6T3ENJTL"),
    ];

    private StringWriter _line = null!;
    private TextWriter _console = null!;
    private ServiceProvider _jsonConsoleServices = null!;
    private ConsoleFormatter _jsonFormatter = null!;
    private ILogger _frameworkJsonConsole = null!;
    private ILogger _oursJsonConsole = null!;
    private SerilogLoggerFactory _serilog = null!;
    private ILogger _frameworkSerilog = null!;
    private ILogger _oursSerilog = null!;
    private DefaultHttpContext _context = null!;
    private QueryStringRedactor _queryRedactor = null!;
    private Exception _exception = null!;
    private RequestFailure _failure = null!;
    private ErrorStormFilter _errorStorm = null!;
    private RequestFailure _repeatFailure = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Before any logger exists: the console logger and sink keep the writer they find when created.
        _console = Console.Out;
        Console.SetOut(TextWriter.Null);

        _line = new StringWriter();
        _jsonConsoleServices = new ServiceCollection().AddLogging(logging => logging.AddJsonConsole()).BuildServiceProvider();
        _jsonFormatter = _jsonConsoleServices.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var loggerFactory = _jsonConsoleServices.GetRequiredService<ILoggerFactory>();
        _frameworkJsonConsole = loggerFactory.CreateLogger("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware");
        _oursJsonConsole = loggerFactory.CreateLogger("ErrorHandling.AspNetCore.GlobalErrorHandler");

        _serilog = new SerilogLoggerFactory(
            new Serilog.LoggerConfiguration().WriteTo.Console(new CompactJsonFormatter()).CreateLogger(),
            dispose: true);
        _frameworkSerilog = _serilog.CreateLogger("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware");
        _oursSerilog = _serilog.CreateLogger("ErrorHandling.AspNetCore.GlobalErrorHandler");

        _context = new DefaultHttpContext();
        _context.Request.Method = HttpMethods.Get;
        _context.Request.Path = "/orders/42";
        _context.Request.QueryString = new QueryString("?page=2");
        _queryRedactor = new QueryStringRedactor(new RedactedNameSet(["token"]));
        _exception = ThrowAndCatch();
        _failure = CreateFailure();
        _errorStorm = new ErrorStormFilter(TimeSpan.FromHours(1), TimeProvider.System);
        _errorStorm.Observe(_exception, RepeatFacts);
        _repeatFailure = CreateFailure(new ExceptionAttachment(_errorStorm.Observe(_exception, RepeatFacts), null));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _jsonConsoleServices.Dispose();
        _serilog.Dispose();
        _line.Dispose();
        Console.SetOut(_console);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "framework's event, JSON console")]
    public void FrameworkJsonConsole() => FrameworkEvent(_frameworkJsonConsole, _exception);

    [Benchmark(Description = "our event, JSON console")]
    public void OursJsonConsole() => Log(_oursJsonConsole, new FailureLogState(_failure, null, null), _exception);

    [Benchmark(Description = "our error-storm repeat, JSON console")]
    public void OursRepeatJsonConsole() => Log(_oursJsonConsole, new FailureLogState(_repeatFailure, null, null), null);

    [Benchmark(Description = "framework's event, Serilog compact JSON")]
    public void FrameworkSerilog() => FrameworkEvent(_frameworkSerilog, _exception);

    [Benchmark(Description = "our event, Serilog compact JSON")]
    public void OursSerilog() => Log(_oursSerilog, new FailureLogState(_failure, null, null), _exception);

    [Benchmark(Description = "our error-storm repeat, Serilog compact JSON")]
    public void OursRepeatSerilog() => Log(_oursSerilog, new FailureLogState(_repeatFailure, null, null), null);

    [Benchmark(Description = "framework's event, Serilog, in the request's scope")]
    public void FrameworkSerilogInScope()
    {
        using var scope = _frameworkSerilog.BeginScope(RequestScope);
        FrameworkEvent(_frameworkSerilog, _exception);
    }

    [Benchmark(Description = "our event, Serilog, in the request's scope")]
    public void OursSerilogInScope()
    {
        using var scope = _oursSerilog.BeginScope(RequestScope);
        Log(_oursSerilog, new FailureLogState(_failure, null, null), _exception);
    }

    [Benchmark(Description = "a constant event (no properties, no exception), JSON console")]
    public void ConstantJsonConsole() => ConstantEvent(_oursJsonConsole, null);

    [Benchmark(Description = "a constant event (no properties, no exception), Serilog")]
    public void ConstantSerilog() => ConstantEvent(_oursSerilog, null);

    [Benchmark(Description = "JSON console formatter only: framework's line, no exception")]
    public void FrameworkLineOnly()
    {
        _line.GetStringBuilder().Clear();
        var entry = new LogEntry<FrameworkState>(LogLevel.Error, "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", new EventId(1, "UnhandledException"), default, null, FrameworkState.Formatter);
        _jsonFormatter.Write(in entry, null, _line);
    }

    [Benchmark(Description = "JSON console formatter only: our line, no exception")]
    public void OursLineOnly()
    {
        _line.GetStringBuilder().Clear();
        var entry = new LogEntry<FailureLogState>(LogLevel.Error, "ErrorHandling.AspNetCore.GlobalErrorHandler", _failure.EventId, new FailureLogState(_repeatFailure, null, null), null, FailureLogState.Formatter);
        _jsonFormatter.Write(in entry, null, _line);
    }

    [Benchmark(Description = "request values (RequestFailure)")]
    public RequestFailure RequestValues() => CreateFailure();

    [Benchmark(Description = "state with its properties")]
    public object State() => new FailureLogState(_failure, null, null);

    [Benchmark(Description = "state + message text")]
    public string StateAndMessage() => new FailureLogState(_failure, null, null).ToString();

    [Benchmark(Description = "rendering probe")]
    public string? RenderingProbe() => ExceptionRenderingProbe.FindFailure(_exception);

    [Benchmark(Description = "error-storm decision (fingerprint + window)")]
    public long ErrorStormDecision() => _errorStorm.Observe(_exception, RepeatFacts).Count;

    private static void Log(ILogger logger, FailureLogState state, Exception? exception) =>
        logger.Log(LogLevel.Error, new EventId(1, "UnhandledException"), state, exception, FailureLogState.Formatter);

    private RequestFailure CreateFailure(ExceptionAttachment attachment = default) => new(
        _context,
        _exception,
        FailureOutcome.Handled,
        LogLevel.Error,
        StatusCodes.Status500InternalServerError,
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "System.InvalidOperationException",
        null,
        attachment,
        _queryRedactor,
        null,
        TimeProvider.System);

    private static Exception ThrowAndCatch()
    {
        try
        {
            Thrower.Throw().GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new UnreachableException();
    }

    /// <summary>The state <see cref="LoggerMessage.Define"/> gives an event without parameters: the template only.</summary>
    private readonly struct FrameworkState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public static readonly Func<FrameworkState, Exception?, string> Formatter = static (_, _) => Message;

        private const string Message = "An unhandled exception has occurred while executing the request.";

        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] => new("{OriginalFormat}", Message);

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
