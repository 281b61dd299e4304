using Rapport.Hub.Accounts;
using Rapport.Hub.Users;

namespace Rapport.Hub.Accounts;

public sealed record UserDetail(
    UserId Id,
    string ExternalId,
    string? Name,
    string? Email,
    RecordStatus Status,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ContactRecord> Sources,
    IReadOnlyList<AccountLink> Accounts);

/// <summary>One source's contact as mirrored: fields, tags, segments, custom attributes and the raw object.</summary>
public sealed record ContactRecord(
    string Source,
    string SourceId,
    string? Email,
    string? Name,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? LastSeenAt,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Segments,
    string CustomAttributesJson,
    string RawJson);

public sealed record AccountLink(AccountId Id, string ExternalId, string? Name, RecordStatus Status);
