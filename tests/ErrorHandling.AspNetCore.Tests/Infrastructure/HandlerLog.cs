using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>Reads the global error handler's own events from a host's <see cref="FakeLogCollector"/>.</summary>
public static class HandlerLog
{
    public const string Category = "ErrorHandling.AspNetCore.GlobalErrorHandler";

    public static FakeLogRecord[] Records(IServiceProvider services) =>
        [.. services.GetFakeLogCollector().GetSnapshot().Where(r => r.Category == Category)];
}
