using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Webhooks;

/// <summary>The <c>notification_event</c> envelope (Intercom's webhook models reference). Beyond the documented fields
/// it carries what Intercom's own sample payloads carry: <c>links {}</c>, <c>delivery_status</c> ("pending" while being
/// sent), <c>delivered_at</c> (0 until delivered) and <c>self</c> (null).</summary>
internal static class NotificationJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Envelope(string appId, WebhookNotification notification, int attempt, DateTimeOffset firstSentAt) => Serialize(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "notification_event");
        w.WriteString("app_id", appId);
        w.WriteStartObject("data");
        w.WriteString("type", "notification_event_data");
        w.WritePropertyName("item");
        w.WriteRawValue(notification.Item, skipInputValidation: true);
        w.WriteEndObject();
        w.WriteStartObject("links");
        w.WriteEndObject();
        w.WriteString("id", notification.Id);
        w.WriteString("topic", notification.Topic);
        w.WriteString("delivery_status", "pending");
        w.WriteNumber("delivery_attempts", attempt);
        w.WriteNumber("delivered_at", 0);
        w.WriteUnix("first_sent_at", firstSentAt);
        w.WriteUnix("created_at", notification.CreatedAt);
        w.WriteNull("self");
        w.WriteEndObject();
    });

    /// <summary>The item of a <c>ping</c> notification, as Intercom's ping sends it.</summary>
    public static void WritePing(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("type", "ping");
        w.WriteString("message", "something something interzen");
        w.WriteEndObject();
    }
}
