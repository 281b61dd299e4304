using Rapport.Hub.Accounts;

namespace Rapport.Hub.Storage.Browse;

/// <summary>An account with everything its sources gave, and (some of) its users.</summary>
/// <param name="Users">At most the limit asked for, by name; <paramref name="UserCount"/> says how many there are.</param>
public sealed record AccountDetail(
    AccountId Id,
    string ExternalId,
    string? Name,
    RecordStatus Status,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<CompanyRecord> Sources,
    IReadOnlyList<UserRow> Users,
    long UserCount);

/// <summary>One source's company as imported: normalised fields, tags, segments, custom attributes and the raw object.</summary>
/// <param name="SourceId">The source's own id (Intercom's <c>id</c>).</param>
public sealed record CompanyRecord(
    string Source,
    string SourceId,
    string? ExternalId,
    string? Name,
    string? Plan,
    decimal? MonthlySpend,
    long? UserCount,
    long? SessionCount,
    long? Size,
    string? Industry,
    string? Website,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? LastSeenAt,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Segments,
    string CustomAttributesJson,
    string RawJson,
    bool Qualified,
    string? Reason);
