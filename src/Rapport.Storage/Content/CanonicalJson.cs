using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rapport.Storage.Content;

/// <summary>
/// One spelling of a JSON value: keys sorted, no whitespace, numbers and escapes written one way. PostgreSQL's
/// <c>jsonb</c> reorders keys and rewrites numbers (<c>1e2</c> → <c>100</c>), so snapshots compare JSON in this form.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(document.RootElement, writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var properties = element.EnumerateObject()
                    .GroupBy(p => p.Name, StringComparer.Ordinal)
                    .Select(g => g.Last())
                    .OrderBy(p => p.Name, StringComparer.Ordinal);
                foreach (var property in properties)
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number when element.TryGetDecimal(out var number):
                writer.WriteNumberValue(number);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
