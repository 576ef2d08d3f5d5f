using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using System.Net;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using static ErrorHandling.AspNetCore.Tests.Infrastructure.ShapingApp;

namespace ErrorHandling.AspNetCore.Tests.Problems;

/// <summary>Status from the exception, problem types and extensions, problem factories, validation problems, <see cref="ProblemDetailsException"/>.</summary>
public sealed class ProblemShapingTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task StatusFromTheException_Thrown_RespondsWithItAndKeepsTheMessageBehindThePolicy(string environment)
    {
        var (app, response, body) = await FailAsync(
            () => new RestException(HttpStatusCode.NotFound, "Article SENTINEL not found"),
            o => o.Map<RestException>(e => (int)e.Code),
            environment);
        await using var running = app;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = Json(body);
        Assert.Equal("Not Found", json.GetProperty("title").GetString());
        Assert.Equal(environment == "Development", body.Contains("SENTINEL", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, Assert.Single(HandlerLog.Records(app.Services)).Level);
    }

    [Fact]
    public async Task MappingTypeAndExtensions_Production_AreWritten()
    {
        var (app, _, body) = await FailAsync(
            () => new RestException(HttpStatusCode.Conflict, "SENTINEL"),
            o => o.Map<RestException>(e => (int)e.Code, m =>
            {
                m.Type = "https://example.com/problems/conflict";
                m.Extensions["errorCode"] = "ORDER_LOCKED";
                m.Extensions["retryable"] = false;
            }));
        await using var running = app;

        var json = Json(body);
        Assert.Equal(409, json.GetProperty("status").GetInt32());
        Assert.Equal("https://example.com/problems/conflict", json.GetProperty("type").GetString());
        Assert.Equal("ORDER_LOCKED", json.GetProperty("errorCode").GetString());
        Assert.False(json.GetProperty("retryable").GetBoolean());
        Assert.True(json.TryGetProperty("traceId", out _));
        Assert.DoesNotContain("SENTINEL", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixedStatusMapping_WithTypeAndExtensions_WritesThem()
    {
        var (app, _, body) = await FailAsync(
            () => new KeyNotFoundException("SENTINEL"),
            o => o.Map<KeyNotFoundException>(404, m => { m.Type = "urn:problem:not-found"; m.Extensions["errorCode"] = "E404"; }));
        await using var running = app;

        Assert.Equal("urn:problem:not-found", Json(body).GetProperty("type").GetString());
        Assert.Equal("E404", Json(body).GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("throws")]
    [InlineData("700")]
    [InlineData("99")]
    public async Task StatusSelector_ThrowsOrGivesNoStatus_IsAHandlerFailure(string behaviour)
    {
        var (app, response, body) = await FailAsync(
            () => new RestException(HttpStatusCode.NotFound, "SENTINEL"),
            o => o.Map<RestException>(_ => behaviour == "throws" ? throw new InvalidOperationException("SENTINEL-SELECTOR") : int.Parse(behaviour, System.Globalization.CultureInfo.InvariantCulture)),
            "Development");
        await using var running = app;

        AssertMinimal500(app, response, body);
    }

    [Fact]
    public async Task ProblemFactory_ReturnsAProblem_WrittenInProductionAndCompleted()
    {
        var (app, response, body) = await FailAsync(
            () => new RestException(HttpStatusCode.NotFound, "SENTINEL"),
            o => o.Map<RestException>((context, e) => new ProblemDetails
            {
                Status = (int)e.Code,
                Detail = "The article does not exist.",
                Extensions = { ["path"] = context.Request.Path.Value },
            }));
        await using var running = app;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = Json(body);
        Assert.Equal("The article does not exist.", json.GetProperty("detail").GetString());
        Assert.Equal("Not Found", json.GetProperty("title").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", json.GetProperty("type").GetString());
        Assert.Equal("/fail", json.GetProperty("instance").GetString());
        Assert.Equal("/fail", json.GetProperty("path").GetString());
        Assert.True(json.TryGetProperty("traceId", out _));
        Assert.False(json.TryGetProperty("exception", out _));
        Assert.DoesNotContain("SENTINEL", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemFactory_Development_AddsTheExceptionMember()
    {
        var (app, _, body) = await FailAsync(
            () => new RestException(HttpStatusCode.Gone, "SENTINEL-DEV"),
            o => o.Map<RestException>((_, e) => new ProblemDetails { Status = (int)e.Code }),
            "Development");
        await using var running = app;

        Assert.Equal(typeof(RestException).FullName, Json(body).GetProperty("exception").GetProperty("type").GetString());
    }

    [Fact]
    public async Task ProblemFactory_ReturnsNull_TheNextLessDerivedMappingApplies()
    {
        var (app, response, _) = await FailAsync(
            () => new RestException(HttpStatusCode.BadRequest, "SENTINEL"),
            o => o.Map<Exception>(503).Map<RestException>((_, e) => e.Code == HttpStatusCode.NotFound ? new ProblemDetails { Status = 404 } : null));
        await using var running = app;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Theory]
    [InlineData("throws")]
    [InlineData("700")]
    public async Task ProblemFactory_ThrowsOrGivesNoStatus_IsAHandlerFailure(string behaviour)
    {
        var (app, response, body) = await FailAsync(
            () => new RestException(HttpStatusCode.NotFound, "SENTINEL"),
            o => o.Map<RestException>((_, _) => behaviour == "throws" ? throw new InvalidOperationException("SENTINEL-FACTORY") : new ProblemDetails { Status = 700 }),
            "Development");
        await using var running = app;

        AssertMinimal500(app, response, body);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task MapValidation_Thrown_ValidationProblemInEveryEnvironmentLoggedAtInformation(string environment)
    {
        var (app, response, body) = await FailAsync(
            () => new FieldValidationException(new Dictionary<string, string[]> { ["Email"] = ["'Email' is not a valid email address."], ["age"] = ["Must be 18 or older.", "Must be a number."] }),
            o => o.MapValidation<FieldValidationException>(e => e.Errors),
            environment);
        await using var running = app;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = Json(body);
        Assert.Equal("One or more validation errors occurred.", json.GetProperty("title").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", json.GetProperty("type").GetString());
        Assert.Equal("'Email' is not a valid email address.", json.GetProperty("errors").GetProperty("Email")[0].GetString());
        Assert.Equal(2, json.GetProperty("errors").GetProperty("age").GetArrayLength());
        Assert.Equal(environment == "Development", body.Contains("SENTINEL-VALIDATION-MESSAGE", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, Assert.Single(HandlerLog.Records(app.Services)).Level);
    }

    [Fact]
    public async Task ShapedProblems_EachFailure_IsCountedLikeAnyOther()
    {
        await using var app = await TestApp.StartWithHandlerAsync(
            a =>
            {
                a.MapGet("/validation", string () => throw new FieldValidationException(new Dictionary<string, string[]> { ["a"] = ["b"] }));
                a.MapGet("/problem", string () => throw new ProblemDetailsException(409));
            },
            builder => builder.Services.AddGlobalErrorHandler(o => o.MapValidation<FieldValidationException>(e => e.Errors)));
        using var exceptions = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), "ErrorHandling.AspNetCore", "errorhandling.exceptions");

        await app.GetTestClient().GetAsync("/validation");
        await app.GetTestClient().GetAsync("/problem");

        var measurements = exceptions.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.Equal(400, measurements[0].Tags["http.response.status_code"]);
        Assert.Equal(typeof(FieldValidationException).FullName, measurements[0].Tags["error.type"]);
        Assert.Equal(409, measurements[1].Tags["http.response.status_code"]);
        Assert.All(measurements, m => Assert.Equal("handled", m.Tags["errorhandling.result"]));
    }

    [Fact]
    public async Task MapValidation_WithAStatus_UsesIt()
    {
        var (app, response, body) = await FailAsync(
            () => new FieldValidationException(new Dictionary<string, string[]> { ["Name"] = ["Required."] }),
            o => o.MapValidation<FieldValidationException>(422, e => e.Errors));
        await using var running = app;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Required.", Json(body).GetProperty("errors").GetProperty("Name")[0].GetString());
    }

    [Theory]
    [InlineData(399)]
    [InlineData(500)]
    public void MapValidation_StatusOutsideClientErrors_Throws(int statusCode) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GlobalErrorHandlerOptions().MapValidation<FieldValidationException>(statusCode, e => e.Errors));

    [Fact]
    public async Task MapValidation_ErrorsSelectorThrows_IsAHandlerFailure()
    {
        var (app, response, body) = await FailAsync(
            () => new FieldValidationException(new Dictionary<string, string[]>()),
            o => o.MapValidation<FieldValidationException>(_ => throw new InvalidOperationException("SENTINEL-ERRORS")),
            "Development");
        await using var running = app;

        AssertMinimal500(app, response, body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DataAnnotationsValidationException_BuiltIn_IsAValidationProblem(bool namesAMember)
    {
        var result = namesAMember ? new ValidationResult("The Name field is required.", ["Name"]) : new ValidationResult("The order is invalid.");
        var (app, response, body) = await FailAsync(() => new ValidationException(result, null, null), _ => { });
        await using var running = app;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Json(body).GetProperty("errors");
        Assert.Equal(result.ErrorMessage, errors.GetProperty(namesAMember ? "Name" : string.Empty)[0].GetString());
        Assert.Equal(LogLevel.Information, Assert.Single(HandlerLog.Records(app.Services)).Level);
    }

    [Fact]
    public async Task ProblemDetailsException_Production_AnswersWithExactlyThatProblem()
    {
        var (app, response, body) = await FailAsync(
            () => new ProblemDetailsException(new ProblemDetails
            {
                Status = 402,
                Title = "Payment required",
                Detail = "Your card was declined.",
                Type = "https://example.com/problems/payment",
                Extensions = { ["balance"] = 30 },
            }),
            _ => { });
        await using var running = app;

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var json = Json(body);
        Assert.Equal("Payment required", json.GetProperty("title").GetString());
        Assert.Equal("Your card was declined.", json.GetProperty("detail").GetString());
        Assert.Equal("https://example.com/problems/payment", json.GetProperty("type").GetString());
        Assert.Equal(30, json.GetProperty("balance").GetInt32());
        Assert.Equal(LogLevel.Warning, Assert.Single(HandlerLog.Records(app.Services)).Level);
    }

    [Fact]
    public async Task ProblemDetailsException_StatusTitleDetail_FillsInTheRest()
    {
        var (app, response, body) = await FailAsync(() => new ProblemDetailsException(409, detail: "The order is locked."), _ => { });
        await using var running = app;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Conflict", Json(body).GetProperty("title").GetString());
        Assert.Equal("The order is locked.", Json(body).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ProblemDetailsException_SharedProblemThrownTwice_IsNotChanged()
    {
        var shared = new ProblemDetails { Status = 429, Title = "Slow down" };
        var (app, _, first) = await FailAsync(() => new ProblemDetailsException(shared), _ => { });
        await using var running = app;

        Assert.Empty(shared.Extensions);
        Assert.Null(shared.Instance);
        Assert.True(Json(first).TryGetProperty("traceId", out _));
    }

    [Fact]
    public void ProblemDetailsException_StatusOutsideRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProblemDetailsException(700));

    [Fact]
    public async Task SameType_MappedTwiceInDifferentForms_TheLastCallWins()
    {
        var (app, response, _) = await FailAsync(
            () => new FieldValidationException(new Dictionary<string, string[]> { ["a"] = ["b"] }),
            o => o.MapValidation<FieldValidationException>(e => e.Errors).Map<FieldValidationException>(_ => 418));
        await using var running = app;

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
    }

    [Fact]
    public async Task AppMapping_OfABuiltInType_WinsOverTheBuiltIn()
    {
        var (app, response, _) = await FailAsync(
            () => new ProblemDetailsException(402),
            o => o.Map<ProblemDetailsException>(503));
        await using var running = app;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private static void AssertMinimal500(Microsoft.AspNetCore.Builder.WebApplication app, HttpResponseMessage response, string body)
    {
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, Json(body).GetProperty("detail").GetString());
        Assert.DoesNotContain("SENTINEL", body, StringComparison.Ordinal);
        Assert.Equal([1, 3], HandlerLog.Records(app.Services).Select(r => r.Id.Id));
    }
}
