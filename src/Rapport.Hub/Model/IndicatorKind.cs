using System.Text.Json.Serialization;

namespace Rapport.Hub.Model;

[JsonConverter(typeof(JsonStringEnumConverter<IndicatorKind>))]
public enum IndicatorKind
{
    [JsonStringEnumMemberName("risk")]
    Risk,

    [JsonStringEnumMemberName("opportunity")]
    Opportunity,
}
