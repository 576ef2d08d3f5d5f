using ErrorHandling.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.Serilog.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddGlobalErrorHandlerSerilog_NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => GlobalErrorHandlerSerilogServiceCollectionExtensions.AddGlobalErrorHandlerSerilog(null!));
    }

    [Fact]
    public void AddGlobalErrorHandlerSerilog_CalledTwice_RegistersOneObserver()
    {
        var services = new ServiceCollection();

        services.AddGlobalErrorHandlerSerilog().AddGlobalErrorHandlerSerilog();

        Assert.Single(services, d => d.ServiceType == typeof(IRequestFailureObserver));
    }

    [Fact]
    public async Task AddGlobalErrorHandlerSerilog_WithoutSerilog_StartupThrowsNamingTheFix()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGlobalErrorHandlerSerilog();
        await using var app = builder.Build();
        app.UseGlobalErrorHandler();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("builder.Services.AddSerilog(...)", exception.Message, StringComparison.Ordinal);
    }
}
