namespace Rapport.IntercomSimulator;

/// <summary>A contact (user or lead) of the simulated workspace: the fields of the spec's <c>contact</c> object.
/// Mutate it only inside <see cref="SimulatorWorkspace.AddContact"/> or <see cref="SimulatorWorkspace.UpdateContact"/>.</summary>
public sealed class SimulatedContact
{
    internal SimulatedContact(string id) => Id = id;

    public string Id { get; }

    public string? ExternalId { get; set; }

    /// <summary>"user" or "lead".</summary>
    public string Role { get; set; } = "user";

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Name { get; set; }

    public string? OwnerId { get; set; }

    public bool HasHardBounced { get; set; }

    public bool MarkedEmailAsSpam { get; set; }

    public bool UnsubscribedFromEmails { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SignedUpAt { get; set; }

    public DateTimeOffset? LastSeenAt { get; set; }

    public DateTimeOffset? LastRepliedAt { get; set; }

    public DateTimeOffset? LastContactedAt { get; set; }

    public DateTimeOffset? LastEmailOpenedAt { get; set; }

    public DateTimeOffset? LastEmailClickedAt { get; set; }

    public string? LanguageOverride { get; set; }

    public string? Browser { get; set; }

    public string? BrowserVersion { get; set; }

    public string? BrowserLanguage { get; set; }

    public string? Os { get; set; }

    public string? Country { get; set; }

    public string? Region { get; set; }

    public string? City { get; set; }

    public string? AvatarUrl { get; set; }

    /// <summary>Values are string, long/int, double, bool or DateTimeOffset (sent as unix seconds).</summary>
    public Dictionary<string, object?> CustomAttributes { get; } = new(StringComparer.Ordinal);

    public HashSet<string> TagIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> SegmentIds { get; } = new(StringComparer.Ordinal);

    internal List<string> CompanyIdList { get; } = [];

    /// <summary>Intercom ids of the companies the contact belongs to, in attachment order.</summary>
    public IReadOnlyList<string> CompanyIds => CompanyIdList;

    public string? EmailDomain => Email is { } e && e.IndexOf('@') is var at and >= 0 ? e[(at + 1)..] : null;
}
