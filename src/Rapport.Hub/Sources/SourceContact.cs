namespace Rapport.Hub.Sources;

/// <summary>
/// A person as one source describes them (an Intercom contact with role <c>user</c>), with the source ids of the
/// companies they belong to. Kept in the source mirror whether or not they qualify as a hub user, so that a company
/// that starts qualifying brings its users in without reading them again.
/// </summary>
/// <param name="ExternalId">The unifying id (Intercom's <c>external_id</c>, a.k.a. user_id); null when missing.</param>
/// <param name="CompanySourceIds">Source ids of every company the contact is attached to (complete, not just the inline ten).</param>
public sealed record SourceContact(
    string Source,
    string SourceId,
    string? ExternalId,
    string? Email,
    string? Name,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? LastSeenAt,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> CompanySourceIds,
    string CustomAttributesJson,
    string RawJson);
