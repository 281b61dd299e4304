using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Intercom.OAuth;
using Rapport.Intercom.Webhooks;

namespace Rapport.Intercom.Json;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(UnixSecondsConverter), typeof(LenientStringConverter)])]
[JsonSerializable(typeof(IntercomCompany))]
[JsonSerializable(typeof(IntercomContact))]
[JsonSerializable(typeof(IntercomSegment))]
[JsonSerializable(typeof(IntercomTag))]
[JsonSerializable(typeof(IntercomAdmin))]
[JsonSerializable(typeof(IntercomMe))]
[JsonSerializable(typeof(IntercomDataAttribute))]
[JsonSerializable(typeof(IntercomTagRef))]
[JsonSerializable(typeof(IntercomSegmentRef))]
[JsonSerializable(typeof(IntercomCompanyUpdate))]
[JsonSerializable(typeof(IntercomContactUpdate))]
[JsonSerializable(typeof(IntercomOAuthTokenWire))]
[JsonSerializable(typeof(NotificationWire))]
[JsonSerializable(typeof(IntercomConversation))]
[JsonSerializable(typeof(IntercomDataEvent))]
[JsonSerializable(typeof(IntercomEventSummary))]
[JsonSerializable(typeof(IntercomDataEventCreate))]
// Runtime types allowed as custom attribute values in the update bodies (IReadOnlyDictionary<string, object?>).
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(float))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class IntercomJsonContext : JsonSerializerContext;
