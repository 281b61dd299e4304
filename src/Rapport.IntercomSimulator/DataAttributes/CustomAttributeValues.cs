using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.DataAttributes;

/// <summary>Validates <c>custom_attributes</c> of a write against the workspace's data attribute definitions.
/// Writing an attribute without a definition is a 400 <c>parameter_invalid</c>: the strict reading of what is reported
/// (GitHub issues intercom/intercom-node#349 for conversations; intercom/intercom-php#355 for contacts/companies).
/// The spec types company <c>custom_attributes</c> values as strings, but Intercom's documented behaviour is typed
/// values: integers for integer attributes, booleans for boolean ones, Unix seconds for dates. The documentation wins
/// here, so a string sent to an integer attribute is refused as Intercom refuses it.</summary>
internal static class CustomAttributeValues
{
    public static Dictionary<string, object?> Parse(JsonElement body, string model, SimulatorWorkspace workspace)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!body.TryGetProperty("custom_attributes", out var attributes) || attributes.ValueKind == JsonValueKind.Null) { return values; }
        if (attributes.ValueKind != JsonValueKind.Object) { throw ApiException.Invalid("custom_attributes must be an object", "custom_attributes"); }

        foreach (var property in attributes.EnumerateObject())
        {
            var definition = workspace.FindDataAttributeUnlocked(model, property.Name);
            if (definition is null || definition.Archived)
            {
                throw ApiException.Invalid($"Custom attribute '{property.Name}' does not exist", $"custom_attributes.{property.Name}");
            }

            values[property.Name] = Convert(property.Value, definition);
        }

        return values;
    }

    private static object? Convert(JsonElement value, SimulatedDataAttribute definition)
    {
        if (value.ValueKind == JsonValueKind.Null) { return null; }
        var ok = definition.DataType switch
        {
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "float" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "date" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            _ => value.ValueKind == JsonValueKind.String,
        };
        if (!ok)
        {
            throw ApiException.Invalid($"Custom attribute '{definition.Name}' must be of type {definition.DataType}", $"custom_attributes.{definition.Name}");
        }

        return definition.DataType switch
        {
            "integer" => value.GetInt64(),
            "float" => value.GetDouble(),
            "boolean" => value.GetBoolean(),
            "date" => DateTimeOffset.FromUnixTimeSeconds(value.GetInt64()),
            _ => value.GetString(),
        };
    }
}
