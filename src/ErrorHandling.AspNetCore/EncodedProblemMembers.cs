using System.Text.Json;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The members of a problem details body that are the same for every failure they apply to (<c>type</c>,
/// <c>title</c>, <c>status</c> and the generic <c>detail</c> of an unmapped 500), encoded once, so that
/// writing the most common body transcodes only <c>instance</c> and <c>traceId</c>.
/// </summary>
internal sealed class EncodedProblemMembers
{
    public EncodedProblemMembers(int status, string? type, string? title, string? detail)
    {
        Status = status;
        Type = type is null ? null : JsonEncodedText.Encode(type);
        Title = title is null ? null : JsonEncodedText.Encode(title);
        Detail = detail is null ? null : JsonEncodedText.Encode(detail);
    }

    public int Status { get; }

    public JsonEncodedText? Type { get; }

    public JsonEncodedText? Title { get; }

    public JsonEncodedText? Detail { get; }
}
