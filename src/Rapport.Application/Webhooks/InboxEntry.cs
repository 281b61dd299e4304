using System.Text.Json;
using Rapport.Hub.Webhooks;
using Rapport.Intercom.Webhooks;

namespace Rapport.Application.Webhooks;

/// <summary>The inbox row of a verified notification: the envelope's keys pulled out so they can be queried without the body.</summary>
public static class InboxEntry
{
    public static InboxNotification From(IntercomNotification notification, string body)
    {
        // contact_tag and contact_company items wrap the contact: the contact is what changed.
        var item = notification.Item;
        var subject = item.TryGetProperty("id", out _) || !item.TryGetProperty("contact", out var contact) ? item : contact;
        return new InboxNotification(
            notification.Id,
            notification.Topic,
            notification.AppId,
            notification.ItemType,
            String(subject, "id"),
            UnixTime(subject, "updated_at"),
            notification.CreatedAt,
            body);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static DateTimeOffset? UnixTime(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
