using Rapport.Hub.Accounts;

namespace Rapport.Hub.Accounts;

/// <summary>An account with its source records and the external ids of its users.</summary>
public sealed record AccountView(
    AccountId Id,
    string ExternalId,
    string? Name,
    RecordStatus Status,
    string? StatusReason,
    IReadOnlyList<AccountSourceView> Sources,
    IReadOnlyList<string> UserExternalIds);

/// <summary>One source's record of an account: normalised fields, tags, segments, custom attributes and the raw object.</summary>
public sealed record AccountSourceView(
    string Source,
    string SourceId,
    string? Plan,
    decimal? MonthlySpend,
    long? UserCount,
    long? SessionCount,
    long? Size,
    string? Industry,
    string? Website,
    DateTimeOffset? LastSeenAt,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Segments,
    string CustomAttributesJson,
    string RawJson,
    bool Qualified,
    string? Reason);
