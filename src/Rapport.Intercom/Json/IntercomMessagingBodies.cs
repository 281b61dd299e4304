using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Rapport.Intercom.Messaging;

namespace Rapport.Intercom.Json;

/// <summary>The bodies of POST /conversations/{id}/reply and POST /messages, written field by field as the spec names them.</summary>
internal static class IntercomMessagingBodies
{
    public static byte[] Reply(IntercomAdminReply reply) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("message_type", reply.MessageType);
        writer.WriteString("type", "admin");
        writer.WriteString("admin_id", reply.AdminId);
        writer.WriteString("body", reply.Body);
        if (reply.AttachmentUrls.Count > 0)
        {
            writer.WriteStartArray("attachment_urls");
            foreach (var url in reply.AttachmentUrls)
                writer.WriteStringValue(url);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    });

    public static byte[] Message(IntercomMessageCreate message) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("message_type", message.MessageType);
        if (message.Subject is not null)
            writer.WriteString("subject", message.Subject);
        writer.WriteString("body", message.Body);
        if (message.MessageType == "email")
            writer.WriteString("template", message.Template);
        writer.WriteStartObject("from");
        writer.WriteString("type", "admin");
        // from.id is an integer in the spec; an id that is not one is sent as given and Intercom names the problem.
        if (long.TryParse(message.FromAdminId, NumberStyles.None, CultureInfo.InvariantCulture, out var adminId))
            writer.WriteNumber("id", adminId);
        else
            writer.WriteString("id", message.FromAdminId);
        writer.WriteEndObject();
        writer.WriteStartObject("to");
        writer.WriteString("type", message.ToType);
        writer.WriteString("id", message.ToContactId);
        writer.WriteEndObject();
        writer.WriteBoolean("create_conversation_without_contact_reply", message.CreateConversationWithoutContactReply);
        writer.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
