using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.Benchmarks;

/// <summary>
/// A request that fails, with logging off: the framework's handler against ours and against the
/// lower bound of any handler; and ours with an error code (<see cref="ExceptionMapping.Code"/> and
/// <see cref="GlobalErrorHandlerOptions.ProblemTypeBaseUri"/>), with problems localized into German
/// (<see cref="GlobalErrorHandlerOptions.LocalizeWith{TResource}"/> over a .resx), and with both, against
/// nothing configured.
/// </summary>
[MemoryDiagnoser]
public class ErrorPathBenchmarks
{
    private const string ErrorCode = "order-failed";
    private const string GermanTitle = "Bei der Verarbeitung Ihrer Anfrage ist ein Fehler aufgetreten.";

    private BenchmarkPipeline _framework = null!;
    private BenchmarkPipeline _oursProduction = null!;
    private BenchmarkPipeline _oursDevelopment = null!;
    private BenchmarkPipeline _lowerBound = null!;
    private BenchmarkPipeline _oursErrorCode = null!;
    private BenchmarkPipeline _oursLocalized = null!;
    private BenchmarkPipeline _oursErrorCodeLocalized = null!;

    [GlobalSetup]
    public void Setup()
    {
        _framework = BenchmarkPipeline.Create(
            services => services.AddProblemDetails(),
            app =>
            {
                app.UseExceptionHandler();
                app.Run(_ => Thrower.Throw());
            });
        _oursProduction = CreateOurs("Production");
        _oursDevelopment = CreateOurs("Development");
        _lowerBound = BenchmarkPipeline.Create(
            _ => { },
            app =>
            {
                app.Use(LowerBoundMiddleware.Create);
                app.Run(_ => Thrower.Throw());
            });
        _oursErrorCode = CreateOursConfigured(errorCode: true, localized: false);
        _oursLocalized = CreateOursConfigured(errorCode: false, localized: true);
        _oursErrorCodeLocalized = CreateOursConfigured(errorCode: true, localized: true);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _framework.DisposeAsync();
        await _oursProduction.DisposeAsync();
        await _oursDevelopment.DisposeAsync();
        await _lowerBound.DisposeAsync();
        await _oursErrorCode.DisposeAsync();
        await _oursLocalized.DisposeAsync();
        await _oursErrorCodeLocalized.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "UseExceptionHandler + AddProblemDetails")]
    public Task Framework() => _framework.InvokeAsync();

    [Benchmark(Description = "UseGlobalErrorHandler, Production")]
    public Task OursProduction() => _oursProduction.InvokeAsync();

    [Benchmark(Description = "UseGlobalErrorHandler, Development")]
    public Task OursDevelopment() => _oursDevelopment.InvokeAsync();

    [Benchmark(Description = "lower bound: catch, fixed 200-byte body")]
    public Task LowerBound() => _lowerBound.InvokeAsync();

    [Benchmark(Description = "UseGlobalErrorHandler, Production, error code + ProblemTypeBaseUri")]
    public Task OursErrorCode() => _oursErrorCode.InvokeAsync();

    [Benchmark(Description = "UseGlobalErrorHandler, Production, LocalizeWith (de)")]
    public Task OursLocalized() => _oursLocalized.InvokeAsync();

    [Benchmark(Description = "UseGlobalErrorHandler, Production, error code + LocalizeWith (de)")]
    public Task OursErrorCodeLocalized() => _oursErrorCodeLocalized.InvokeAsync();

    private static BenchmarkPipeline CreateOurs(string environment) =>
        BenchmarkPipeline.Create(
            services => services.AddGlobalErrorHandler(),
            app =>
            {
                app.UseGlobalErrorHandler();
                app.Run(_ => Thrower.Throw());
            },
            environment);

    // The same failure, mapped to the status it gets anyway (500), so that only the code and the translation differ
    // from nothing configured.
    private static BenchmarkPipeline CreateOursConfigured(bool errorCode, bool localized)
    {
        var pipeline = BenchmarkPipeline.Create(
            services =>
            {
                if (localized)
                {
                    services.AddLocalization(options => options.ResourcesPath = "Resources");
                }

                services.AddGlobalErrorHandler(options =>
                {
                    if (errorCode)
                    {
                        options.ProblemTypeBaseUri = new Uri("https://errors.example.com/problems/");
                        options.Map<InvalidOperationException>(500, mapping => mapping.Code = ErrorCode);
                    }

                    if (localized)
                    {
                        options.LocalizeWith<BenchmarkResource>();
                    }
                });
            },
            app =>
            {
                app.UseGlobalErrorHandler();
                app.Run(_ => Thrower.Throw());
            });

        if (localized)
        {
            // What UseRequestLocalization() leaves on a request whose client asked for German.
            var german = new RequestCulture("de");
            pipeline.Context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(german, provider: null));
        }

        var body = RenderOnce(pipeline);
        if ((errorCode && !body.Contains("\"code\":\"" + ErrorCode + "\"", StringComparison.Ordinal))
            || (errorCode && !body.Contains("\"type\":\"https://errors.example.com/problems/" + ErrorCode + "\"", StringComparison.Ordinal))
            || (localized && !body.Contains(GermanTitle, StringComparison.Ordinal)))
        {
            // A case that silently fell back to the plain path would measure nothing it claims to.
            throw new InvalidOperationException("The benchmark's problem is not the configured one: " + body);
        }

        return pipeline;
    }

    private static string RenderOnce(BenchmarkPipeline pipeline)
    {
        using var body = new MemoryStream();
        var response = pipeline.Context.Response;
        response.Body = body;
        pipeline.InvokeAsync().GetAwaiter().GetResult();
        response.Body = Stream.Null;
        return Encoding.UTF8.GetString(body.ToArray());
    }
}
