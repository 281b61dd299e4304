using System.Text.Json.Serialization;

namespace Rapport.Application.Push;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PushSettings))]
[JsonSerializable(typeof(PushReport))]
public sealed partial class PushJsonContext : JsonSerializerContext;
