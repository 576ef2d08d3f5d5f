using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>Builds the middleware without a host, for fast tests on a <see cref="DefaultHttpContext"/>.</summary>
public static class StandaloneMiddleware
{
    internal static GlobalErrorHandlerMiddleware Create(
        RequestDelegate next,
        ILoggerFactory loggerFactory,
        string environment = "Production",
        GlobalErrorHandlerOptions? options = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment })
            .AddGlobalErrorHandler()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(options ?? new GlobalErrorHandlerOptions()))
            .BuildServiceProvider();
        return GlobalErrorHandlerMiddleware.Create(next, services);
    }
}
