namespace Rapport.Intercom;

/// <summary>
/// Body of PUT /contacts/{id} (spec 2.16 <c>update_contact_request</c>); null fields are not sent, so they stay unchanged.
/// </summary>
public sealed record IntercomContactUpdate
{
    public string? Role { get; init; }
    public string? ExternalId { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Name { get; init; }
    public string? Avatar { get; init; }
    public DateTimeOffset? SignedUpAt { get; init; }
    public DateTimeOffset? LastSeenAt { get; init; }
    public string? OwnerId { get; init; }
    public bool? UnsubscribedFromEmails { get; init; }

    /// <summary>Same value rules as <see cref="IntercomCompanyUpdate.CustomAttributes"/>.</summary>
    public IReadOnlyDictionary<string, object?>? CustomAttributes { get; init; }
}
