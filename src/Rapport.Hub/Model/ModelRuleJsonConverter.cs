using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Hub.Model;

/// <summary>Reads a rule from a JSON string (text form) or object (JSON form); writes the canonical text form.</summary>
public sealed class ModelRuleJsonConverter : JsonConverter<ModelRule>
{
    public override ModelRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return ModelRule.Parse(reader.GetString()!);
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return ModelRule.FromJson(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, ModelRule value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Condition?.ToString() ?? value.Text);
}
