using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.AspNetCore.Http;

namespace ErrorHandling.AspNetCore.Tests.Problems;

/// <summary>
/// Random field names and messages, JSON and HTML metacharacters included: a validation problem's body is always
/// valid problem+json that round-trips every error, and the HTML page never gains an element from them.
/// </summary>
public sealed partial class ValidationProblemPropertyTests
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["<>&\"'\\/{}[]:,=\r\n\t\u0000\u2028\u00e9"], 0, 30],
        Gen.Const("<script>alert(1)</script>"),
        Gen.Const("\"},\"status\":200,\"x\":{\""),
        Gen.Const("</li></ul></dd><dt>forged</dt>"));

    private static readonly Gen<Dictionary<string, string[]>> Errors =
        Gen.Select(Text, Text.Array[1, 3]).Array[0, 5].Select(pairs =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (field, messages) in pairs)
            {
                errors[field] = messages;
            }

            return errors;
        });

    private static HttpValidationProblemDetails Problem(Dictionary<string, string[]> errors)
    {
        var problem = new HttpValidationProblemDetails(errors) { Status = 400, Title = ProblemDetailsBuilder.ValidationTitle, Instance = "/orders" };
        problem.Extensions["traceId"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        return problem;
    }

    [Fact]
    public void ValidationBody_RandomErrors_IsValidProblemJsonAndRoundTrips()
    {
        Errors.Sample(errors =>
        {
            using var body = ProblemJsonWriter.Render(Problem(errors), 400, null, new JsonSerializerOptions(JsonSerializerDefaults.Web));

            using var json = JsonDocument.Parse(body.WrittenMemory);
            Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
            var written = json.RootElement.GetProperty("errors");
            Assert.Equal(errors.Count, written.EnumerateObject().Count());
            foreach (var (field, messages) in errors)
            {
                Assert.Equal(messages, written.GetProperty(field).EnumerateArray().Select(m => m.GetString()!));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void ValidationPage_RandomErrors_GainsNoElement()
    {
        Errors.Sample(errors =>
        {
            // The same structure with harmless text: any element more than it has came from a field or a message.
            var harmless = errors.Select((e, i) => ($"field{i}", e.Value.Select(_ => "message").ToArray()))
                .ToDictionary(e => e.Item1, e => e.Item2, StringComparer.Ordinal);

            Assert.Equal(Tags(Page(harmless)), Tags(Page(errors)));
        }, iter: 2_000);
    }

    private static string Page(Dictionary<string, string[]> errors)
    {
        using var page = HtmlErrorPageWriter.Render(Problem(errors), 400, exceptionDetails: null, JsonSerializerOptions.Default);
        return Encoding.UTF8.GetString(page.WrittenMemory.Span);
    }

    private static string[] Tags(string html) => [.. TagPattern().Matches(html).Select(m => m.Value)];

    [GeneratedRegex("</?[a-zA-Z][a-zA-Z0-9]*")]
    private static partial Regex TagPattern();
}
