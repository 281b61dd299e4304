using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Rapport.Intercom.Json;

/// <summary>A company's <c>tags</c>/<c>segments</c> come wrapped: <c>{"type":"tag.list","tags":[…]}</c>; the model keeps the list.</summary>
internal abstract class WrappedListConverter<T>(string listProperty, string listType) : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var itemInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return ReadItems(ref reader, itemInfo);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a {listType} object, got {reader.TokenType}.");
        }

        IReadOnlyList<T> items = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var isList = reader.ValueTextEquals(listProperty);
            reader.Read();
            if (isList && reader.TokenType == JsonTokenType.StartArray)
            {
                items = ReadItems(ref reader, itemInfo);
            }
            else
            {
                reader.Skip();
            }
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        var itemInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartObject();
        writer.WriteString("type", listType);
        writer.WriteStartArray(listProperty);
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, itemInfo);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static List<T> ReadItems(ref Utf8JsonReader reader, JsonTypeInfo<T> itemInfo)
    {
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(JsonSerializer.Deserialize(ref reader, itemInfo)!);
        }

        return items;
    }
}

internal sealed class CompanyTagsConverter() : WrappedListConverter<IntercomTagRef>("tags", "tag.list");

internal sealed class CompanySegmentsConverter() : WrappedListConverter<IntercomSegmentRef>("segments", "segment.list");
