using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Composes the stages of <see cref="FailureHandler"/> from the app's services, each a singleton built once from
/// the validated options: the one place that knows what each stage is made of.
/// </summary>
internal static class FailureHandlerServices
{
    /// <summary>Registers <see cref="FailureHandler"/> and its stages.</summary>
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(static provider => new RequestEcho(OptionsOf(provider)));
        services.TryAddSingleton(static provider =>
        {
            var options = OptionsOf(provider);
            return new ExceptionClassifier(
                options.ResolveTypeMappings(),
                options.PredicateMappings,
                provider.GetService<IOptions<ExceptionHandlerOptions>>()?.Value.StatusCodeSelector);
        });
        services.TryAddSingleton(static provider =>
        {
            var options = OptionsOf(provider);
            return new ProblemDetailsBuilder(
                IncludesExceptionDetails(provider),
                options.GenericDetail,
                provider.GetRequiredService<IOptions<ProblemDetailsOptions>>().Value.CustomizeProblemDetails,
                options.CustomizeProblemDetails,
                options.ProblemTypeBaseUri,
                options.LocalizerFactory is { } localizer ? new ProblemLocalizer(localizer(provider)) : null);
        });
        services.TryAddSingleton(static provider =>
        {
            var options = OptionsOf(provider);
            var timeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System;
            var requestEcho = provider.GetRequiredService<RequestEcho>();
            var log = new FailureLog(provider.GetRequiredService<ILoggerFactory>().CreateLogger(Log.CategoryName), options);
            return new FailureReporter(
                log,
                ErrorStormFilterFor(provider, options, timeProvider, log),
                requestEcho,
                options.LogRequestHeaders,
                timeProvider,
                provider.GetRequiredService<ErrorHandlerMetrics>(),
                provider.GetServices<IRequestFailureObserver>());
        });
        services.TryAddSingleton(static provider => new ErrorResponseWriter(
            OptionsOf(provider),
            IncludesExceptionDetails(provider),
            provider.GetRequiredService<RequestEcho>(),
            provider.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions,
            new AppProblemDetailsWriters(provider.GetServices<IProblemDetailsWriter>())));
        services.TryAddSingleton(static provider => new ExceptionHandlerRunner(
            provider.GetServices<IExceptionHandler>(), provider.GetRequiredService<ErrorResponseWriter>()));
        services.TryAddSingleton(static provider => new FailureHandler(
            OptionsOf(provider),
            provider.GetRequiredService<ExceptionClassifier>(),
            provider.GetRequiredService<ExceptionHandlerRunner>(),
            provider.GetRequiredService<ProblemDetailsBuilder>(),
            provider.GetRequiredService<FailureReporter>(),
            provider.GetRequiredService<ErrorResponseWriter>()));
    }

    // Stopped once the server has drained, while the loggers still write: every open window's summary is written.
    private static ErrorStormFilter? ErrorStormFilterFor(IServiceProvider provider, GlobalErrorHandlerOptions options, TimeProvider timeProvider, FailureLog log)
    {
        if (options.ErrorStormWindow is not { } window)
        {
            return null;
        }

        var filter = new ErrorStormFilter(window, timeProvider, ErrorStormFilter.DefaultCapacity, options.ErrorStormEventsPerWindow, log.WriteSummary);
        provider.GetService<IHostApplicationLifetime>()?.ApplicationStopped.Register(static state => ((ErrorStormFilter)state!).Stop(), filter);
        return filter;
    }

    private static GlobalErrorHandlerOptions OptionsOf(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<GlobalErrorHandlerOptions>>().Value;

    private static bool IncludesExceptionDetails(IServiceProvider provider) =>
        OptionsOf(provider).IncludesExceptionDetails(provider.GetRequiredService<IHostEnvironment>());
}
