using Microsoft.OpenApi;

namespace ErrorHandling.AspNetCore.OpenApi;

/// <summary>
/// The component schemas of the handler's problem bodies, written by hand from what the handler writes: its body
/// is camelCase with <c>status</c> as a number whatever the app's JSON options say, so a schema generated from the
/// app's serializer settings could describe another shape, and under Native AOT could not be generated at all when
/// the app registers no metadata for <c>ProblemDetails</c>.
/// </summary>
internal static class ProblemSchemas
{
    /// <summary>The component id of the problem details schema, as the framework names it.</summary>
    public const string ProblemDetailsId = "ProblemDetails";

    /// <summary>The component id of the validation problem details schema, as the framework names it.</summary>
    public const string ValidationProblemDetailsId = "HttpValidationProblemDetails";

    /// <summary>The media type of every problem body the handler writes for API clients.</summary>
    public const string ProblemJsonMediaType = "application/problem+json";

    /// <summary>The extension that tells Kiota which member of an error schema is the exception's message.</summary>
    public const string PrimaryErrorMessageExtension = "x-ms-primary-error-message";

    public static OpenApiSchema CreateProblemDetails() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A problem details object (RFC 9457). Members that do not apply are left out; a mapping can add its own members.",
        Properties = CreateProblemMembers(),
    };

    public static OpenApiSchema CreateValidationProblemDetails()
    {
        var members = CreateProblemMembers();
        members["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The validation errors: each field name with its messages.",
            AdditionalProperties = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A problem details object (RFC 9457) for a validation failure, with the errors of each field.",
            Properties = members,
        };
    }

    private static Dictionary<string, IOpenApiSchema> CreateProblemMembers() => new(StringComparer.Ordinal)
    {
        ["type"] = String("A URI reference that identifies the problem type."),
        ["title"] = Title(),
        ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
        ["detail"] = String("An explanation specific to this occurrence of the problem."),
        ["instance"] = String("The path of the request that failed."),
        ["traceId"] = String("The trace id of the request, the same as in the server's log event."),
        ["code"] = String("The stable, machine-readable code of the kind of problem, when the error has one; clients switch on it."),
    };

    /// <summary>
    /// Marks the <c>title</c> member of a problem schema that the app's document already has (the framework's, for
    /// <c>ProducesProblem</c>) as the primary error message, when it is a member written in place.
    /// </summary>
    public static void MarkTitleAsPrimaryErrorMessage(IOpenApiSchema schema)
    {
        if (schema.Properties?.TryGetValue("title", out var title) == true && title is OpenApiSchema inline)
        {
            MarkAsPrimaryErrorMessage(inline);
        }
    }

    private static OpenApiSchema Title()
    {
        var title = String("A short summary of the problem type.");
        MarkAsPrimaryErrorMessage(title);
        return title;
    }

    // Kiota makes the member this marks the message of the exceptions its clients throw; without it, every message
    // is "Exception of type '...ProblemDetails' was thrown."
    private static void MarkAsPrimaryErrorMessage(OpenApiSchema member)
    {
        member.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
        member.Extensions.TryAdd(PrimaryErrorMessageExtension, new JsonNodeExtension(true));
    }

    private static OpenApiSchema String(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
