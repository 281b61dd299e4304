using System.Text.Json;

namespace Rapport.IntercomSimulator.Http;

/// <summary>Intercom sends every timestamp as unix seconds.</summary>
internal static class JsonWriting
{
    public static void WriteUnix(this Utf8JsonWriter writer, string name, DateTimeOffset value) =>
        writer.WriteNumber(name, value.ToUnixTimeSeconds());

    /// <summary>For nullable spec fields: null stays null.</summary>
    public static void WriteUnixOrNull(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v) { writer.WriteNumber(name, v.ToUnixTimeSeconds()); }
        else { writer.WriteNull(name); }
    }

    /// <summary>For non-nullable spec fields: an absent value is left out (as the spec examples do), never null.</summary>
    public static void WriteUnixIfSet(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v) { writer.WriteNumber(name, v.ToUnixTimeSeconds()); }
    }

    public static void WriteStringIfSet(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) { writer.WriteString(name, value); }
    }

    public static void WriteCustomAttributes(this Utf8JsonWriter writer, Dictionary<string, object?> attributes)
    {
        writer.WriteStartObject("custom_attributes");
        foreach (var (key, value) in attributes)
        {
            writer.WritePropertyName(key);
            writer.WriteAttributeValue(value);
        }

        writer.WriteEndObject();
    }

    private static void WriteAttributeValue(this Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case DateTimeOffset t: writer.WriteNumberValue(t.ToUnixTimeSeconds()); break;
            case DateTime t: writer.WriteNumberValue(new DateTimeOffset(t.ToUniversalTime()).ToUnixTimeSeconds()); break;
            case JsonElement e: e.WriteTo(writer); break;
            default: writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }
}
