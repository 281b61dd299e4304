using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.Intercom.Json;

namespace Rapport.Intercom;

/// <summary>
/// Intercom's <c>contact</c> object, a user or a lead (spec 2.16 <c>components.schemas.contact</c>).
/// <see cref="Raw"/> keeps every field as received, modelled or not.
/// </summary>
public sealed record IntercomContact
{
    public string Id { get; init; } = "";
    public string? ExternalId { get; init; }
    public string? WorkspaceId { get; init; }

    /// <summary>"user" or "lead".</summary>
    public string? Role { get; init; }

    public string? Email { get; init; }
    public string? EmailDomain { get; init; }
    public string? Phone { get; init; }
    public string? Name { get; init; }

    /// <summary>The owning admin's id (Intercom sends a number or a string; kept as a string).</summary>
    public string? OwnerId { get; init; }

    public bool? HasHardBounced { get; init; }
    public bool? MarkedEmailAsSpam { get; init; }
    public bool? UnsubscribedFromEmails { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? SignedUpAt { get; init; }
    public DateTimeOffset? LastSeenAt { get; init; }
    public DateTimeOffset? LastRepliedAt { get; init; }
    public DateTimeOffset? LastContactedAt { get; init; }
    public DateTimeOffset? LastEmailOpenedAt { get; init; }
    public DateTimeOffset? LastEmailClickedAt { get; init; }
    public string? LanguageOverride { get; init; }
    public string? Browser { get; init; }
    public string? BrowserLanguage { get; init; }
    public string? Os { get; init; }
    public IntercomLocation? Location { get; init; }
    public IReadOnlyDictionary<string, JsonElement> CustomAttributes { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Tag references (ids only; names come from GET /tags).</summary>
    public IntercomInlineList? Tags { get; init; }

    /// <summary>At most 10 inline; when <see cref="IntercomInlineList.HasMore"/>, use <see cref="IntercomClient.ListContactCompaniesAsync"/>.</summary>
    public IntercomInlineList? Companies { get; init; }

    /// <summary>The exact JSON object Intercom sent.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; init; }

    public bool IsLead => string.Equals(Role, "lead", StringComparison.Ordinal);

    /// <summary>Reads a contact object, e.g. from a webhook payload or a stored raw copy.</summary>
    public static IntercomContact Parse(JsonElement json) =>
        IntercomJson.Parse(json, IntercomJsonContext.Default.IntercomContact) with { Raw = json.Clone() };
}

/// <summary>A contact's location.</summary>
public sealed record IntercomLocation(string? Country, string? Region, string? City);
