namespace Rapport.Hub.Sources;

/// <summary>
/// A company as one source (Intercom today) describes it: the normalised fields the hub reports on, plus the raw JSON
/// object exactly as received so that every field stays viewable.
/// </summary>
/// <param name="Source">The source's name, e.g. <c>intercom</c>.</param>
/// <param name="SourceId">The source's own id (Intercom's <c>id</c>): the source link.</param>
/// <param name="ExternalId">The unifying id (Intercom's <c>company_id</c>); null when the source lacks it.</param>
public sealed record SourceCompany(
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
    string RawJson);
