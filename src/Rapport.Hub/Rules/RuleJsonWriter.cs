using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rapport.Hub.Rules;

/// <summary>Writes the JSON form that <see cref="RuleJsonReader"/> reads.</summary>
internal static class RuleJsonWriter
{
    // The relaxed encoder keeps operators readable ("op":">" rather than "\u003E"); the text is JSON, not HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Condition condition)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(condition, writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Condition condition, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        switch (condition)
        {
            case FieldCondition field:
                writer.WriteString("field", field.Field);
                writer.WriteString("op", field.Operator.ToSymbol());
                if (field.Value.Kind != FieldValueKind.Missing)
                {
                    writer.WritePropertyName("value");
                    WriteValue(field.Value, writer);
                }

                break;
            case NotCondition not:
                writer.WritePropertyName("not");
                Write(not.Condition, writer);
                break;
            case GroupCondition group:
                writer.WriteStartArray(group.Mode == GroupMode.All ? "all" : "any");
                foreach (var child in group.Conditions)
                {
                    Write(child, writer);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition.GetType(), null);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(FieldValue value, Utf8JsonWriter writer)
    {
        switch (value.Kind)
        {
            case FieldValueKind.Number:
                writer.WriteNumberValue(value.NumberValue);
                break;
            case FieldValueKind.Boolean:
                writer.WriteBooleanValue(value.BooleanValue);
                break;
            case FieldValueKind.List:
                writer.WriteStartArray();
                foreach (var item in value.ListValue)
                {
                    WriteValue(item, writer);
                }

                writer.WriteEndArray();
                break;
            case FieldValueKind.Missing or FieldValueKind.Null:
                writer.WriteNullValue();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
