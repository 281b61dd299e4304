namespace Rapport.IntercomSimulator.Contacts;

internal enum SearchFieldKind
{
    String,
    Integer,
    Float,
    Boolean,
    Date,
    Membership,
}

/// <summary>A searchable contact field (spec POST /contacts/search "Accepted Fields") and how to read it.</summary>
internal sealed record ContactSearchField(string Name, SearchFieldKind Kind, Func<SimulatedContact, object?> Read)
{
    private static readonly Dictionary<string, ContactSearchField> Standard = new ContactSearchField[]
    {
        new("id", SearchFieldKind.String, c => c.Id),
        new("role", SearchFieldKind.String, c => c.Role),
        new("name", SearchFieldKind.String, c => c.Name),
        new("avatar", SearchFieldKind.String, c => c.AvatarUrl),
        new("owner_id", SearchFieldKind.String, c => c.OwnerId),
        new("email", SearchFieldKind.String, c => c.Email),
        new("email_domain", SearchFieldKind.String, c => c.EmailDomain),
        new("phone", SearchFieldKind.String, c => c.Phone),
        new("external_id", SearchFieldKind.String, c => c.ExternalId),
        new("language_override", SearchFieldKind.String, c => c.LanguageOverride),
        new("browser", SearchFieldKind.String, c => c.Browser),
        new("browser_language", SearchFieldKind.String, c => c.BrowserLanguage),
        new("os", SearchFieldKind.String, c => c.Os),
        new("location.country", SearchFieldKind.String, c => c.Country),
        new("location.region", SearchFieldKind.String, c => c.Region),
        new("location.city", SearchFieldKind.String, c => c.City),
        new("created_at", SearchFieldKind.Date, c => c.CreatedAt),
        new("updated_at", SearchFieldKind.Date, c => c.UpdatedAt),
        new("signed_up_at", SearchFieldKind.Date, c => c.SignedUpAt),
        new("last_seen_at", SearchFieldKind.Date, c => c.LastSeenAt),
        new("last_contacted_at", SearchFieldKind.Date, c => c.LastContactedAt),
        new("last_replied_at", SearchFieldKind.Date, c => c.LastRepliedAt),
        new("last_email_opened_at", SearchFieldKind.Date, c => c.LastEmailOpenedAt),
        new("last_email_clicked_at", SearchFieldKind.Date, c => c.LastEmailClickedAt),
        new("unsubscribed_from_emails", SearchFieldKind.Boolean, c => c.UnsubscribedFromEmails),
        new("marked_email_as_spam", SearchFieldKind.Boolean, c => c.MarkedEmailAsSpam),
        new("has_hard_bounced", SearchFieldKind.Boolean, c => c.HasHardBounced),
        new("segment_id", SearchFieldKind.Membership, c => c.SegmentIds),
        new("tag_id", SearchFieldKind.Membership, c => c.TagIds),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static ContactSearchField? Find(string name, SimulatorWorkspace workspace)
    {
        if (Standard.TryGetValue(name, out var field)) { return field; }
        const string prefix = "custom_attributes.";
        if (!name.StartsWith(prefix, StringComparison.Ordinal)) { return null; }
        var key = name[prefix.Length..];
        if (workspace.FindDataAttributeUnlocked("contact", key) is not { } definition) { return null; }
        var kind = definition.DataType switch
        {
            "integer" => SearchFieldKind.Integer,
            "float" => SearchFieldKind.Float,
            "boolean" => SearchFieldKind.Boolean,
            "date" => SearchFieldKind.Date,
            _ => SearchFieldKind.String,
        };
        return new ContactSearchField(name, kind, c => c.CustomAttributes.GetValueOrDefault(key));
    }
}
