using System.Text.Json;

namespace Rapport.Application.Playbooks;

/// <summary>
/// Quiet hours in the recipient's time zone. Intercom's contact (spec 2.16) carries a location but no time zone, so the
/// zone comes from a <c>timezone</c> on the contact (a custom attribute or a field some workspaces send) when there is one,
/// else from the playbook's workspace default.
/// </summary>
public static class QuietHours
{
    /// <summary>When a send may go: null now, or the end of the quiet hours <paramref name="now"/> falls in.</summary>
    public static DateTimeOffset? DeferUntil(DateTimeOffset now, TimeOnly? start, TimeOnly? end, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (start is not { } from || end is not { } to || from == to)
            return null;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = from < to ? time >= from && time < to : time >= from || time < to;
        if (!quiet)
            return null;
        var endDay = DateOnly.FromDateTime(local.DateTime);
        if (from > to && time >= from)
            endDay = endDay.AddDays(1);
        var endLocal = endDay.ToDateTime(to);
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
    }

    /// <summary>An end of quiet hours as the audit shows it: in UTC, whatever zone it was computed in.</summary>
    public static string Utc(DateTimeOffset until) =>
        until.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The contact's own zone from its raw Intercom JSON, or <paramref name="fallback"/>.</summary>
    public static TimeZoneInfo ZoneOf(string? contactJson, string fallback)
    {
        if (contactJson is not null && Read(contactJson) is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var own))
            return own;
        return TimeZoneInfo.TryFindSystemTimeZoneById(fallback, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private static string? Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            foreach (var holder in new[] { root, Child(root, "location"), Child(root, "custom_attributes") })
            {
                if (holder is { ValueKind: JsonValueKind.Object } h && h.TryGetProperty("timezone", out var tz) && tz.ValueKind == JsonValueKind.String)
                    return tz.GetString();
            }
        }
        catch (JsonException)
        {
            // A contact stored unreadable has no zone of its own.
        }

        return null;
    }

    private static JsonElement? Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : null;
}
