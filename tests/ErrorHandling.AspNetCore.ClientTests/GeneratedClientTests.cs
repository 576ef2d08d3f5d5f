using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using ErrorHandling.AspNetCore.ClientTests.Infrastructure;
using ErrorHandling.Sample;
using ErrorHandling.Sample.Shaping;
using Microsoft.AspNetCore.WebUtilities;

namespace ErrorHandling.AspNetCore.ClientTests;

/// <summary>
/// The sample's endpoints called as an API consumer calls them: through a C# client that NSwag generates from the
/// sample's OpenAPI document. Every endpoint the sample lists is called, so a new one cannot be left out.
/// </summary>
public sealed class GeneratedClientTests(SampleClientFixture sample) : IClassFixture<SampleClientFixture>
{
    // Routing's 404 for a path that has no endpoint: no operation of the document, no method of the client.
    private const string PathWithoutEndpoint = "/no-such-page";

    /// <summary>Every path the sample's root page lists, with the query it is listed with.</summary>
    public static TheoryData<string> SampleEndpoints => [.. ListedPaths];

    private static IEnumerable<string> ListedPaths => Sample.SampleEndpoints.All.Concat(ShapingEndpoints.All).Select(e => e.Path);

    [Theory]
    [MemberData(nameof(SampleEndpoints))]
    public async Task SampleEndpoint_CalledThroughTheNSwagClient_AnErrorIsTheTypedProblemOnTheWire(string endpoint)
    {
        if (endpoint == PathWithoutEndpoint)
        {
            Assert.Null(FindOperation(endpoint));
            return;
        }

        var (template, operation) = FindOperation(endpoint) ?? throw new Xunit.Sdk.XunitException($"{endpoint} is not in the OpenAPI document.");

        var exception = await CallAsync(template, endpoint);

        var (status, mediaType, body) = sample.Recorder.LastResponse;
        if ((int)status < 400)
        {
            Assert.Null(exception);
            return;
        }

        Assert.NotNull(exception);
        Assert.Equal((int)status, StatusCodeOf(exception));
        if (mediaType != "application/problem+json")
        {
            // The app's own answer, not the handler's: typed as the operation declares it, or raw when it declares no body.
            var declaresBody = operation["responses"]?[((int)status).ToString(CultureInfo.InvariantCulture)]?["content"] is not null;
            Assert.Equal(declaresBody, exception.GetType().IsGenericType);
            return;
        }

        var problem = JsonNode.Parse(body)!;
        Assert.True(exception.GetType().IsGenericType, $"{endpoint}: {status} is an untyped {exception.GetType().Name}: {exception.Message}");
        var result = exception.GetType().GetProperty("Result")!.GetValue(exception)!;
        Assert.EndsWith("ProblemDetails", result.GetType().Name, StringComparison.Ordinal);
        Assert.Equal((int)status, Convert.ToInt32(Member(result, "Status"), CultureInfo.InvariantCulture));
        Assert.Equal(problem["title"]!.GetValue<string>(), Member(result, "Title"));
        Assert.False(string.IsNullOrEmpty(Member(result, "Title") as string));
        Assert.Equal(problem["traceId"]!.GetValue<string>(), Member(result, "TraceId"));
        Assert.False(string.IsNullOrEmpty(Member(result, "TraceId") as string));
        if (problem["code"] is { } code)
        {
            Assert.Equal(code.ToString(), Member(result, "Code")?.ToString());
        }
    }

    [Fact]
    public void Document_EveryOperation_IsOnTheSampleEndpointList()
    {
        var listed = ListedPaths.Where(path => path != PathWithoutEndpoint).Select(FindOperation).Select(o => o!.Value.Template);

        Assert.Equal(
            Operations().Select(o => o.Template).Order(StringComparer.Ordinal),
            listed.Distinct().Order(StringComparer.Ordinal));
    }

    private async Task<Exception?> CallAsync(string template, string endpoint)
    {
        var method = sample.ClientInstance.GetType().GetMethods()
            .Single(m => m.Name == PathOperationNameGenerator.NameOf("get", template) + "Async"
                && m.GetParameters().All(p => p.ParameterType != typeof(CancellationToken)));
        var values = ValuesOf(template, endpoint);
        var arguments = method.GetParameters()
            .Select(p => values.TryGetValue(p.Name!, out var value) ? ConvertTo(value, p.ParameterType) : null)
            .ToArray();
        try
        {
            await (Task)method.Invoke(sample.ClientInstance, arguments)!;
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private (string Template, JsonNode Operation)? FindOperation(string endpoint)
    {
        var path = endpoint.Split('?')[0];
        foreach (var (template, operation) in Operations())
        {
            var templateSegments = template.Split('/');
            var pathSegments = path.Split('/');
            if (templateSegments.Length == pathSegments.Length
                && templateSegments.Zip(pathSegments).All(s => s.First.StartsWith('{') || string.Equals(s.First, s.Second, StringComparison.OrdinalIgnoreCase)))
            {
                return (template, operation);
            }
        }

        return null;
    }

    private IEnumerable<(string Template, JsonNode Operation)> Operations() =>
        from path in sample.Document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (path.Key, operation.Value!);

    // The route values and query of the listed path, by parameter name.
    private static Dictionary<string, string> ValuesOf(string template, string endpoint)
    {
        var parts = endpoint.Split('?');
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in template.Split('/').Zip(parts[0].Split('/')))
        {
            if (name.StartsWith('{'))
            {
                values[name.Trim('{', '}')] = value;
            }
        }

        if (parts.Length > 1)
        {
            foreach (var (name, value) in QueryHelpers.ParseQuery(parts[1]))
            {
                values[name] = value.ToString();
            }
        }

        return values;
    }

    private static object ConvertTo(string value, Type type) =>
        Convert.ChangeType(value, Nullable.GetUnderlyingType(type) ?? type, CultureInfo.InvariantCulture);

    private static int StatusCodeOf(Exception exception) =>
        (int)exception.GetType().GetProperty("StatusCode")!.GetValue(exception)!;

    // A member of the generated problem class, or of its additional properties when the schema does not name it.
    private static object? Member(object result, string name)
    {
        if (result.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is { } property)
        {
            return property.GetValue(result);
        }

        var additional = (System.Collections.IDictionary?)result.GetType().GetProperty("AdditionalProperties")?.GetValue(result);
        var key = char.ToLowerInvariant(name[0]) + name[1..];
        return additional is not null && additional.Contains(key) ? additional[key] : null;
    }
}
