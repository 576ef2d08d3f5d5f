using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>Builds the middleware without a host, for fast tests on a <see cref="DefaultHttpContext"/>.</summary>
public static class StandaloneMiddleware
{
    private static readonly IMeterFactory MeterFactory =
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    internal static GlobalErrorHandlerMiddleware Create(
        RequestDelegate next,
        ILoggerFactory loggerFactory,
        string environment = "Production",
        GlobalErrorHandlerOptions? options = null) =>
        new(
            next,
            options ?? new GlobalErrorHandlerOptions(),
            new HostingEnvironment { EnvironmentName = environment },
            loggerFactory,
            TimeProvider.System,
            [],
            new ProblemDetailsOptions(),
            new JsonSerializerOptions(JsonSerializerDefaults.Web),
            new ErrorHandlerMetrics(MeterFactory),
            []);
}
