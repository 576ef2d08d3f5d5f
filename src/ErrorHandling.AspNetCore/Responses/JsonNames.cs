using System.Text.Json;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The member names of the problem details body, pre-encoded once so that writing a body does not
/// transcode them again for every failed request.
/// </summary>
internal static class JsonNames
{
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
    public static readonly JsonEncodedText Instance = JsonEncodedText.Encode("instance");
    public static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");
    public static readonly JsonEncodedText TraceId = JsonEncodedText.Encode("traceId");
    public static readonly JsonEncodedText Exception = JsonEncodedText.Encode("exception");
    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    public static readonly JsonEncodedText StackTrace = JsonEncodedText.Encode("stackTrace");
    public static readonly JsonEncodedText InnerException = JsonEncodedText.Encode("innerException");
    public static readonly JsonEncodedText InnerExceptions = JsonEncodedText.Encode("innerExceptions");
}
