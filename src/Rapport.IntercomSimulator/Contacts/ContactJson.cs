using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Contacts;

/// <summary>The spec's <c>contact</c> object. Nullable spec fields are sent as null; <c>email</c> is a non-nullable
/// string, so a lead without one gets "".</summary>
internal static class ContactJson
{
    // Inline lists on a contact carry at most 10 items; has_more says to follow the url (spec 2.16 <c>contact</c>).
    private const int InlineLimit = 10;

    private static readonly string[] DeviceFields =
    [
        "android_app_name", "android_app_version", "android_device", "android_os_version", "android_sdk_version", "android_last_seen_at",
        "ios_app_name", "ios_app_version", "ios_device", "ios_os_version", "ios_sdk_version", "ios_last_seen_at",
    ];

    public static void Write(Utf8JsonWriter w, SimulatedContact c, SimulatorWorkspace workspace)
    {
        w.WriteStartObject();
        w.WriteString("type", "contact");
        w.WriteString("id", c.Id);
        w.WriteString("workspace_id", workspace.AppId);
        w.WriteString("external_id", c.ExternalId);
        w.WriteString("role", c.Role);
        w.WriteString("email", c.Email ?? "");
        w.WriteString("email_domain", c.EmailDomain ?? "");
        w.WriteString("phone", c.Phone);
        w.WriteString("name", c.Name);
        w.WriteString("owner_id", c.OwnerId);
        w.WriteBoolean("has_hard_bounced", c.HasHardBounced);
        w.WriteBoolean("marked_email_as_spam", c.MarkedEmailAsSpam);
        w.WriteBoolean("unsubscribed_from_emails", c.UnsubscribedFromEmails);
        w.WriteUnix("created_at", c.CreatedAt);
        w.WriteUnix("updated_at", c.UpdatedAt);
        w.WriteUnixOrNull("signed_up_at", c.SignedUpAt);
        w.WriteUnixOrNull("last_seen_at", c.LastSeenAt);
        w.WriteUnixOrNull("last_replied_at", c.LastRepliedAt);
        w.WriteUnixOrNull("last_contacted_at", c.LastContactedAt);
        w.WriteUnixOrNull("last_email_opened_at", c.LastEmailOpenedAt);
        w.WriteUnixOrNull("last_email_clicked_at", c.LastEmailClickedAt);
        w.WriteString("language_override", c.LanguageOverride);
        w.WriteString("browser", c.Browser);
        w.WriteString("browser_version", c.BrowserVersion);
        w.WriteString("browser_language", c.BrowserLanguage);
        w.WriteString("os", c.Os);
        foreach (var field in DeviceFields) { w.WriteNull(field); }
        w.WriteCustomAttributes(c.CustomAttributes);
        if (c.AvatarUrl is { } avatar)
        {
            w.WriteStartObject("avatar");
            w.WriteString("type", "avatar");
            w.WriteString("image_url", avatar);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("avatar");
        }

        var tagIds = workspace.TagList.Where(t => c.TagIds.Contains(t.Id)).Select(t => t.Id).ToList();
        WriteAddressable(w, "tags", "tag", tagIds, $"/contacts/{c.Id}/tags", "/tags/");
        WriteAddressable(w, "notes", "note", [], $"/contacts/{c.Id}/notes", "/notes/");
        WriteAddressable(w, "companies", "company", c.CompanyIdList, $"/contacts/{c.Id}/companies", "/companies/");
        w.WriteStartObject("location");
        w.WriteString("type", "location");
        w.WriteString("country", c.Country);
        w.WriteString("region", c.Region);
        w.WriteString("city", c.City);
        w.WriteEndObject();
        w.WriteStartObject("social_profiles");
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteAddressable(Utf8JsonWriter w, string name, string type, IReadOnlyList<string> ids, string url, string itemUrl)
    {
        w.WriteStartObject(name);
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        for (var i = 0; i < ids.Count && i < InlineLimit; i++)
        {
            w.WriteStartObject();
            w.WriteString("id", ids[i]);
            w.WriteString("type", type);
            w.WriteString("url", itemUrl + ids[i]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("url", url);
        w.WriteNumber("total_count", ids.Count);
        w.WriteBoolean("has_more", ids.Count > InlineLimit);
        w.WriteEndObject();
    }

    /// <summary><c>contact_list</c> with cursor <c>pages</c>.</summary>
    public static void WriteList(Utf8JsonWriter w, IEnumerable<SimulatedContact> page, SimulatorWorkspace workspace, int pageNumber, int perPage, int total, string? nextCursor)
    {
        w.WriteStartObject();
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        foreach (var contact in page) { Write(w, contact, workspace); }
        w.WriteEndArray();
        w.WriteNumber("total_count", total);
        PagesJson.WriteCursor(w, pageNumber, perPage, total, nextCursor);
        w.WriteEndObject();
    }
}
