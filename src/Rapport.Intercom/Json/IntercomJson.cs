using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Rapport.Intercom.Json;

internal static class IntercomJson
{
    public static T Parse<T>(JsonElement json, JsonTypeInfo<T> typeInfo)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object for {typeof(T).Name}, got {json.ValueKind}.");
        }

        return json.Deserialize(typeInfo) ?? throw new JsonException($"Expected a JSON object for {typeof(T).Name}, got null.");
    }

    public static string? GetString(this JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    public static int? GetInt32(this JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    public static JsonElement GetObject(this JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    /// <summary>The items of the first of <paramref name="properties"/> that holds an array.</summary>
    public static IEnumerable<JsonElement> GetArray(this JsonElement json, params ReadOnlySpan<string> properties)
    {
        foreach (var property in properties)
        {
            if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array)
            {
                return value.EnumerateArray();
            }
        }

        throw new JsonException($"Expected an array in '{string.Join("' or '", properties.ToArray())}'.");
    }
}
