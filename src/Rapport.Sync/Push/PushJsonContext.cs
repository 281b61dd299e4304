using System.Text.Json.Serialization;

namespace Rapport.Sync.Push;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PushSettings))]
[JsonSerializable(typeof(PushReport))]
public sealed partial class PushJsonContext : JsonSerializerContext;
