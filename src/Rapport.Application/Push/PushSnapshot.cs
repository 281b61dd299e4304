using System.Buffers;
using System.Text.Json;

namespace Rapport.Application.Push;

/// <summary>What was last pushed to one company or contact: attribute name → value, as stored in the hub.</summary>
internal static class PushSnapshot
{
    public static Dictionary<string, object?> Read(string? json)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (json is null)
            return values;
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
            values[property.Name] = PushValue.Read(property.Value);
        return values;
    }

    public static string Write(IReadOnlyDictionary<string, object?> values)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                PushValue.Write(writer, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
