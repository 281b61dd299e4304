using System.Text.Json;
using Rapport.Intercom.Json;

namespace Rapport.Intercom.Webhooks;

/// <summary>
/// A webhook delivery: <c>{"type":"notification_event","id":"notif_…","topic":…,"app_id":…,"created_at":…,
/// "delivery_attempts":…,"first_sent_at":…,"data":{"type":"notification_event_data","item":{…}}}</c>
/// (Intercom's webhook models reference, https://developers.intercom.com/docs/references/2.16/webhooks/webhook-models).
/// Deliveries can repeat and come out of order: dedupe on <see cref="Id"/>, order by <see cref="CreatedAt"/>.
/// </summary>
public sealed record IntercomNotification
{
    /// <summary><c>notif_…</c>, the same on every delivery attempt.</summary>
    public required string Id { get; init; }

    /// <summary>e.g. <c>contact.user.updated</c>.</summary>
    public required string Topic { get; init; }

    /// <summary>The workspace it comes from (GET /me <c>app.id_code</c>).</summary>
    public required string AppId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int DeliveryAttempts { get; init; }

    public DateTimeOffset? FirstSentAt { get; init; }

    public string? Self { get; init; }

    /// <summary><c>data.item</c> as sent (a contact, company, conversation…, or only an id for <c>*.deleted</c>).</summary>
    public required JsonElement Item { get; init; }

    /// <summary><c>data.item.type</c>, e.g. <c>contact</c>.</summary>
    public string? ItemType => Item.GetString("type");

    /// <summary>The whole envelope as sent.</summary>
    public required JsonElement Raw { get; init; }

    /// <summary>Parses the raw body (check <see cref="IntercomWebhookSignature"/> first); a malformed body is an <see cref="IntercomInvalidNotificationException"/>.</summary>
    public static IntercomNotification Parse(ReadOnlySpan<byte> json)
    {
        JsonElement raw;
        NotificationWire? wire;
        try
        {
            raw = JsonSerializer.Deserialize(json, IntercomJsonContext.Default.JsonElement);
            if (raw.ValueKind != JsonValueKind.Object) { throw new IntercomInvalidNotificationException($"expected a JSON object, got {raw.ValueKind}"); }
            wire = raw.Deserialize(IntercomJsonContext.Default.NotificationWire);
        }
        catch (JsonException exception)
        {
            throw new IntercomInvalidNotificationException($"the body is not complete, valid JSON ({exception.Message})", exception);
        }

        if (wire is null) { throw new IntercomInvalidNotificationException("the body is null"); }
        if (wire.Type != "notification_event") { throw new IntercomInvalidNotificationException($"type is '{wire.Type}', not 'notification_event'"); }
        if (wire.Data?.Item is not { ValueKind: JsonValueKind.Object } item) { throw new IntercomInvalidNotificationException("data.item is missing"); }

        return new IntercomNotification
        {
            Id = Required(wire.Id, "id"),
            Topic = Required(wire.Topic, "topic"),
            AppId = Required(wire.AppId, "app_id"),
            CreatedAt = wire.CreatedAt ?? throw new IntercomInvalidNotificationException("created_at is missing"),
            DeliveryAttempts = wire.DeliveryAttempts ?? 1,
            FirstSentAt = wire.FirstSentAt,
            Self = wire.Self,
            Item = item,
            Raw = raw,
        };
    }

    private static string Required(string? value, string name) =>
        value is { Length: > 0 } ? value : throw new IntercomInvalidNotificationException($"{name} is missing");
}

internal sealed record NotificationWire(
    string? Type,
    string? Id,
    string? Topic,
    string? AppId,
    DateTimeOffset? CreatedAt,
    int? DeliveryAttempts,
    DateTimeOffset? FirstSentAt,
    string? Self,
    NotificationDataWire? Data);

internal sealed record NotificationDataWire(string? Type, JsonElement? Item);
