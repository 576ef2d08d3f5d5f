using System.Text.Json;
using System.Text.Json.Serialization;
using ErrorHandling.Sample.Errors;

namespace ErrorHandling.Sample;

/// <summary>Source-generated JSON for the sample's own bodies.</summary>
[JsonSerializable(typeof(PaymentDeclinedResponse))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
