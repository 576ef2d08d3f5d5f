using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ErrorHandling.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ErrorHandling.AspNetCore.Tests.Problems;

/// <summary>Problems in the client's language with <c>LocalizeWith</c>, through a real host and real <c>.resx</c> resources.</summary>
public sealed class LocalizationTests
{
    private const string German = "de-DE,de;q=0.9,en;q=0.5";
    private const string GermanTitle500 = "Bei der Verarbeitung Ihrer Anfrage ist ein Fehler aufgetreten.";
    private const string GermanGenericDetail = "Ein unerwarteter Fehler ist aufgetreten.";

    public enum Placement
    {
        LocalizationAfterHandler,
        LocalizationBeforeHandler,
        NoRequestLocalization,
    }

    private static Task<WebApplication> StartAsync(
        Placement placement = Placement.LocalizationAfterHandler,
        bool localize = true,
        bool addLocalization = true,
        string environment = "Production",
        Action<WebApplication>? before = null) =>
        TestApp.StartAsync(
            app =>
            {
                before?.Invoke(app);
                if (placement == Placement.LocalizationBeforeHandler)
                {
                    UseRequestLocalization(app);
                }

                app.UseGlobalErrorHandler();
                if (placement == Placement.LocalizationAfterHandler)
                {
                    UseRequestLocalization(app);
                }

                app.MapGet("/throw", string () => throw new InvalidOperationException("Loading failed."));
                app.MapGet("/missing", string () => throw new KeyNotFoundException("Order 7 does not exist."));
                app.MapGet("/not-allowed", string () => throw new NotSupportedException("Not here."));
                app.MapGet("/locked", string () => throw new ArgumentException("The order is locked."));
                app.MapGet("/limit", string () => throw new PaymentLimitException());
                app.MapGet("/quota", string () =>
                    throw new ProblemDetailsException(StatusCodes.Status429TooManyRequests, "Too many orders", "You can place 5 orders a minute."));
                app.MapGet("/conflict", string () => throw new ProblemDetailsException(StatusCodes.Status409Conflict));
                app.MapGet("/invalid", string () =>
                    throw new ValidationException(new ValidationResult("The quantity must be positive.", ["Quantity"]), null, null));
                app.MapGet("/unavailable", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
            },
            builder =>
            {
                if (addLocalization)
                {
                    builder.Services.AddLocalization();
                }

                builder.Services.AddGlobalErrorHandler(o =>
                {
                    o.Map<KeyNotFoundException>(StatusCodes.Status404NotFound, m =>
                    {
                        m.Title = "The order is missing";
                        m.Detail = "Ask for another order.";
                    });
                    o.Map<NotSupportedException>(StatusCodes.Status405MethodNotAllowed);
                    o.Map<ArgumentException>(StatusCodes.Status400BadRequest, m => m.ExposeMessage = true);
                    o.Map<PaymentLimitException>((_, _) => new ProblemDetails
                    {
                        Status = StatusCodes.Status422UnprocessableEntity,
                        Title = "Payment limit exceeded",
                        Detail = "Split the payment.",
                    });
                    o.WriteProblemDetailsForEmptyResponses = true;
                    if (localize)
                    {
                        o.LocalizeWith<ProblemTexts>();
                    }
                });
                builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
            },
            environment);

    private static void UseRequestLocalization(WebApplication app) =>
        app.UseRequestLocalization(o => o.SetDefaultCulture("en").AddSupportedCultures("en", "de").AddSupportedUICultures("en", "de"));

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(
        WebApplication app, string path, string? acceptLanguage = German, string accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await app.GetTestClient().SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static string? Member(string body, string name)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }

    [Theory]
    [InlineData(Placement.LocalizationAfterHandler)]
    [InlineData(Placement.LocalizationBeforeHandler)]
    public async Task GermanClient_RequestLocalizationAnywhere_FrameworkTitleAndGenericDetailInGerman(Placement placement)
    {
        await using var app = await StartAsync(placement);

        var (response, body) = await GetAsync(app, "/throw");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(GermanTitle500, Member(body, "title"));
        Assert.Equal(GermanGenericDetail, Member(body, "detail"));
        Assert.Equal(["de"], response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task GermanClient_NoRequestLocalization_CurrentUICultureIsUsed()
    {
        await using var app = await StartAsync(
            Placement.NoRequestLocalization,
            before: static app => app.Use(static (context, next) =>
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
                return next(context);
            }));

        var (_, body) = await GetAsync(app, "/throw", acceptLanguage: null);

        Assert.Equal(GermanTitle500, Member(body, "title"));
    }

    [Fact]
    public async Task GermanClient_MappingTitleAndDetail_InGerman()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Die Bestellung fehlt", Member(body, "title"));
        Assert.Equal("Fragen Sie nach einer anderen Bestellung.", Member(body, "detail"));
        Assert.Equal(["de"], response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task GermanClient_EmptyErrorResponse_TitleAndGenericDetailInGerman()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/unavailable");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Dienst nicht verfügbar", Member(body, "title"));
        Assert.Equal(GermanGenericDetail, Member(body, "detail"));
        Assert.Equal(["de"], response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task GermanClient_ValidationProblem_TitleInGermanMessagesAsWritten()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/invalid");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Mindestens ein Validierungsfehler ist aufgetreten.", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("The quantity must be positive.", json.RootElement.GetProperty("errors").GetProperty("Quantity")[0].GetString());
    }

    [Fact]
    public async Task GermanClient_TextWithoutTranslation_StaysAsWrittenWithoutContentLanguage()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/not-allowed");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("Method Not Allowed", Member(body, "title"));
        Assert.Empty(response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task EnglishClient_Localized_EnglishTextsWithoutContentLanguage()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/throw", acceptLanguage: "en-US,en;q=0.9");

        Assert.Equal("An error occurred while processing your request.", Member(body, "title"));
        Assert.Equal(GlobalErrorHandlerOptions.DefaultGenericDetail, Member(body, "detail"));
        Assert.Empty(response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task GermanClient_WithoutLocalizeWith_EnglishTextsWithoutContentLanguage()
    {
        await using var app = await StartAsync(localize: false);

        var (response, body) = await GetAsync(app, "/missing");

        Assert.Equal("The order is missing", Member(body, "title"));
        Assert.Equal("Ask for another order.", Member(body, "detail"));
        Assert.Empty(response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task GermanClient_ProblemFactory_TextsAsTheAppWroteThem()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/limit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Payment limit exceeded", Member(body, "title"));
        Assert.Equal("Split the payment.", Member(body, "detail"));
        Assert.Empty(response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task GermanClient_ProblemDetailsException_TextsAsTheAppWroteThem()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/quota");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Too many orders", Member(body, "title"));
        Assert.Equal("You can place 5 orders a minute.", Member(body, "detail"));
        Assert.Empty(response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task GermanClient_ProblemDetailsExceptionWithoutTitle_FilledInTitleInGerman()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/conflict");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Konflikt", Member(body, "title"));
        Assert.Equal(["de"], response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task GermanClient_ExposedExceptionMessage_AsTheExceptionCarriesIt()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/locked");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The order is locked.", Member(body, "detail"));
    }

    [Fact]
    public async Task GermanClient_Development_ExceptionDetailsAsTheExceptionCarriesThem()
    {
        await using var app = await StartAsync(environment: "Development");

        var (_, body) = await GetAsync(app, "/throw");

        using var json = JsonDocument.Parse(body);
        Assert.Equal(GermanTitle500, json.RootElement.GetProperty("title").GetString());
        Assert.Equal("Loading failed.", json.RootElement.GetProperty("detail").GetString());
        Assert.Equal("Loading failed.", json.RootElement.GetProperty("exception").GetProperty("message").GetString());
    }

    [Fact]
    public async Task GermanBrowser_HtmlPage_GermanTextsAndLangAttribute()
    {
        await using var app = await StartAsync();

        var (response, body) = await GetAsync(app, "/missing", accept: "text/html,application/xhtml+xml");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"de\">", body, StringComparison.Ordinal);
        Assert.Contains("<h1>Die Bestellung fehlt</h1>", body, StringComparison.Ordinal);
        Assert.Equal(["de"], response.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task EnglishBrowser_HtmlPage_LangIsEnglish()
    {
        await using var app = await StartAsync();

        var (_, body) = await GetAsync(app, "/missing", acceptLanguage: "en", accept: "text/html");

        Assert.Contains("<html lang=\"en\">", body, StringComparison.Ordinal);
        Assert.Contains("<h1>The order is missing</h1>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GermanClient_LogEvent_KeepsTheOriginalTexts()
    {
        await using var app = await StartAsync();

        await GetAsync(app, "/locked");

        var record = Assert.Single(HandlerLog.Records(app.Services));
        Assert.Equal(1, record.Id.Id);
        Assert.Equal("The order is locked.", record.Exception?.Message);
        Assert.DoesNotContain("Die Bestellung", record.Message, StringComparison.Ordinal);
        Assert.All(record.StructuredState ?? [], pair => Assert.DoesNotContain("Die Bestellung", pair.Value ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalizeWith_WithoutAddLocalization_StartFailsNamingAddLocalization()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(addLocalization: false));

        Assert.Contains("LocalizeWith<ProblemTexts>()", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AddLocalization()", failure.Message, StringComparison.Ordinal);
    }

    private sealed class PaymentLimitException : Exception;
}
