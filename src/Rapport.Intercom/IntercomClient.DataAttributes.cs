using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Rapport.Intercom;

public sealed partial class IntercomClient
{
    /// <summary>GET /data_attributes?model=…&amp;include_archived=…: with archived ones, to tell "missing" from "archived".</summary>
    public Task<IReadOnlyList<IntercomDataAttribute>> ListDataAttributesAsync(string model, bool includeArchived, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var path = $"data_attributes?model={Uri.EscapeDataString(model)}" + (includeArchived ? "&include_archived=true" : "");
        return GetAsync(path, root => Items(root, IntercomDataAttribute.Parse, "data"), cancellationToken);
    }

    /// <summary>
    /// PUT /data_attributes/{id} (archive, unarchive, description, options); idempotent, so retried like a read.
    /// 404 <c>field_not_found</c> → <see cref="IntercomNotFoundException"/>.
    /// </summary>
    public Task<IntercomDataAttribute> UpdateDataAttributeAsync(long id, IntercomDataAttributeUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var path = string.Create(CultureInfo.InvariantCulture, $"data_attributes/{id}");
        return SendAsync(HttpMethod.Put, path, DataAttributeUpdateBody(update), idempotent: true, IntercomDataAttribute.Parse, cancellationToken);
    }

    // spec 2.16 update_data_attribute_request: options are [{value}], like on create.
    private static byte[] DataAttributeUpdateBody(IntercomDataAttributeUpdate update)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (update.Archived is { } archived)
                writer.WriteBoolean("archived", archived);
            if (update.Description is { } description)
                writer.WriteString("description", description);
            if (update.MessengerWritable is { } writable)
                writer.WriteBoolean("messenger_writable", writable);
            if (update.Options is { } options)
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
        }

        return buffer.WrittenSpan.ToArray();
    }
}
