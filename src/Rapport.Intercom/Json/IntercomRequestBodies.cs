using System.Buffers;
using System.Text.Json;

namespace Rapport.Intercom.Json;

/// <summary>Request bodies whose wire shape differs from a plain serialisation of the input record.</summary>
internal static class IntercomRequestBodies
{
    // spec 2.16 contact_search_request: {query, pagination {per_page, starting_after}}
    public static byte[] ContactSearch(IntercomSearchQuery query, int perPage, string? startingAfter) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("query");
        WriteQuery(writer, query);
        writer.WriteStartObject("pagination");
        writer.WriteNumber("per_page", perPage);
        if (startingAfter is not null)
        {
            writer.WriteString("starting_after", startingAfter);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    // spec 2.16 create_data_attribute_request: options are [{value}]
    public static byte[] DataAttributeCreate(IntercomDataAttributeCreate create) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("name", create.Name);
        writer.WriteString("model", create.Model);
        writer.WriteString("data_type", create.DataType);
        if (create.Description is not null)
        {
            writer.WriteString("description", create.Description);
        }

        if (create.MessengerWritable is { } messengerWritable)
        {
            writer.WriteBoolean("messenger_writable", messengerWritable);
        }

        if (create.Options is { } options)
        {
            writer.WriteStartArray("options");
            foreach (var option in options)
            {
                writer.WriteStartObject();
                writer.WriteString("value", option);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    });

    private static void WriteQuery(Utf8JsonWriter writer, IntercomSearchQuery query)
    {
        writer.WriteStartObject();
        switch (query)
        {
            case IntercomSearchFilter filter:
                writer.WriteString("field", filter.Field);
                writer.WriteString("operator", filter.Operator);
                writer.WritePropertyName("value");
                WriteValue(writer, filter.Value);
                break;
            case IntercomSearchGroup group:
                writer.WriteString("operator", group.Operator);
                writer.WriteStartArray("value");
                foreach (var inner in group.Value)
                {
                    WriteQuery(writer, inner);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"Unknown search query type {query.GetType().Name}.", nameof(query));
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case DateTimeOffset time: writer.WriteNumberValue(time.ToUnixTimeSeconds()); break;
            case JsonElement element: element.WriteTo(writer); break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"Unsupported search value type {value.GetType().Name}.", nameof(value));
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
