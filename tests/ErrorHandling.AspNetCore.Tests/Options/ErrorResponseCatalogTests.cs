using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorHandling.AspNetCore.Tests.Options;

/// <summary>The public view of the responses the handler's configuration fixes, as packages that describe the API read it.</summary>
public sealed class ErrorResponseCatalogTests
{
    private static IReadOnlyList<DeclaredErrorResponse> Responses(Action<GlobalErrorHandlerOptions> configure, Dictionary<string, string?>? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build());
        services.AddGlobalErrorHandler(configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IErrorResponseCatalog>().Responses;
    }

    [Fact]
    public void Responses_NoMappings_ListsOnly500()
    {
        var responses = Responses(_ => { });

        var response = Assert.Single(responses);
        Assert.Equal((500, false), (response.StatusCode, response.IsValidationProblem));
    }

    [Fact]
    public void Responses_FixedStatusMappings_ListsEachStatusOnceInOrderWithItsKind()
    {
        var responses = Responses(
            options => options
                .Map<KeyNotFoundException>(StatusCodes.Status404NotFound)
                .Map<FileNotFoundException>(StatusCodes.Status404NotFound)
                .Map(e => e is HttpRequestException, StatusCodes.Status502BadGateway)
                .MapValidation<ArgumentException>(_ => new Dictionary<string, string[]>())
                .Map<FormatException>(e => StatusCodes.Status422UnprocessableEntity),
            new() { ["GlobalErrorHandler:StatusCodes:System.TimeoutException"] = "504" });

        Assert.Equal(
            [(400, true), (404, false), (500, false), (502, false), (504, false)],
            responses.Select(r => (r.StatusCode, r.IsValidationProblem)));
    }

    [Fact]
    public void Read_MappingToAStatusWithoutABody_IsNotListed()
    {
        // Straight into the mappings: the Map overloads may refuse such statuses when they are configured, and the
        // view must hold on its own whatever reaches it.
        var options = new GlobalErrorHandlerOptions();
        options.TypeMappings[typeof(KeyNotFoundException)] = new ExceptionMapping(StatusCodes.Status204NoContent);
        options.TypeMappings[typeof(FileNotFoundException)] = new ExceptionMapping(StatusCodes.Status304NotModified);
        options.TypeMappings[typeof(FormatException)] = new ExceptionMapping(StatusCodes.Status205ResetContent);
        options.PredicateMappings.Add((static e => e is TimeoutException, new ExceptionMapping(StatusCodes.Status101SwitchingProtocols)));
        options.TypeMappings[typeof(ArgumentException)] = new ExceptionMapping(StatusCodes.Status409Conflict);

        var responses = ErrorResponseCatalog.Read(options);

        Assert.Equal([409, 500], responses.Select(r => r.StatusCode));
    }

    [Fact]
    public void Responses_MappingsWithCodes_ListEachCodeOnceAtItsStatusWithTitleAndType()
    {
        var responses = Responses(options =>
        {
            options.ProblemTypeBaseUri = new Uri("https://errors.example.com/");
            options
                .Map<KeyNotFoundException>(StatusCodes.Status404NotFound, m => m.Code = "order-not-found")
                .Map<FileNotFoundException>(StatusCodes.Status404NotFound, m => m.Code = "order-not-found")
                .Map<DirectoryNotFoundException>(StatusCodes.Status404NotFound, m => (m.Code, m.Title, m.Type) = ("directory-missing", "No such directory", "urn:problem:directory"))
                .Map(e => e is TimeoutException, StatusCodes.Status504GatewayTimeout, m => m.Code = "upstream-timeout")
                .Map<FormatException>(StatusCodes.Status400BadRequest);
        });

        Assert.Equal(
            [(400, ""), (404, "directory-missing|No such directory|urn:problem:directory,order-not-found|Not Found|https://errors.example.com/order-not-found"), (500, ""), (504, "upstream-timeout|Gateway Timeout|https://errors.example.com/upstream-timeout")],
            responses.Select(r => (r.StatusCode, string.Join(",", r.Codes.Select(c => $"{c.Code}|{c.Title}|{c.Type}")))));
    }
}
