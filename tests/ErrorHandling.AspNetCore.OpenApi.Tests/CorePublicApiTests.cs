using System.Runtime.CompilerServices;
using ErrorHandling.AspNetCore.OpenApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ErrorHandling.AspNetCore.OpenApi.Tests;

/// <summary>
/// The package stands on the core package's public API alone, so that the two can ship apart, and it declares a
/// problem body only for a status whose response can carry one.
/// </summary>
public sealed class CorePublicApiTests
{
    [Fact]
    public void CoreAssembly_InternalsVisibleTo_DoesNotNameThePackage()
    {
        var friends = typeof(GlobalErrorHandlerOptions).Assembly
            .GetCustomAttributes(typeof(InternalsVisibleToAttribute), inherit: false)
            .Cast<InternalsVisibleToAttribute>()
            .Select(attribute => attribute.AssemblyName);

        Assert.DoesNotContain(typeof(ErrorResponsesTransformer).Assembly.GetName().Name, friends);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(204)]
    [InlineData(205)]
    [InlineData(304)]
    [InlineData(99)]
    [InlineData(600)]
    public void DeclaredErrorResponse_StatusWithoutABody_Throws(int statusCode)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new DeclaredErrorResponse(statusCode, isValidationProblem: false));

        Assert.Equal("statusCode", exception.ParamName);
    }
}
