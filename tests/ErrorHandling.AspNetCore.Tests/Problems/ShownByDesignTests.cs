using System.ComponentModel.DataAnnotations;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static ErrorHandling.AspNetCore.Tests.Infrastructure.ShapingApp;

namespace ErrorHandling.AspNetCore.Tests.Problems;

/// <summary>
/// The messages that reach clients in Production by design, each through a real host: they are written for clients,
/// so the promise of docs/responses.md that no exception message leaves the server names them as the exceptions.
/// </summary>
public sealed class ShownByDesignTests
{
    private const string Message = "SHOWN-BY-DESIGN: the quantity must be positive.";

    public static TheoryData<string> Kinds() =>
        ["data-annotations-validation", "map-validation", "problem-details-exception", "problem-factory", "expose-message"];

    private static (Func<Exception> Exception, Action<GlobalErrorHandlerOptions> Configure) Case(string kind) => kind switch
    {
        "data-annotations-validation" => (() => new ValidationException(Message), _ => { }),
        "map-validation" => (
            () => new FieldValidationException(new Dictionary<string, string[]> { ["Quantity"] = [Message] }),
            o => o.MapValidation<FieldValidationException>(e => e.Errors)),
        "problem-details-exception" => (() => new ProblemDetailsException(422, "Invalid order", Message), _ => { }),
        "problem-factory" => (
            () => new ArgumentOutOfRangeException("quantity", Message),
            o => o.Map<ArgumentOutOfRangeException>((_, e) => new ProblemDetails { Status = 422, Detail = e.Message })),
        _ => (
            () => new ArgumentOutOfRangeException("quantity", Message),
            o => o.Map<ArgumentOutOfRangeException>(400, m => m.ExposeMessage = true)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task MessageWrittenForClients_Production_ReachesTheClient(string kind)
    {
        var (exception, configure) = Case(kind);

        var (app, _, body) = await FailAsync(exception, configure, "Production");
        await using var running = app;

        Assert.Contains(Message, body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"exception\"", body, StringComparison.Ordinal);
    }
}
