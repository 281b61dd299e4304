using System.Text.Json.Serialization;

namespace Rapport.Hub.Duplicates;

/// <summary>Whether a duplicate pair is two accounts or two users; written "account" or "user", as a merge request names it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecordKind>))]
public enum RecordKind
{
    [JsonStringEnumMemberName("account")]
    Account,

    [JsonStringEnumMemberName("user")]
    User,
}

/// <summary>One side of a duplicate pair: a hub record and the sources that link to it.</summary>
public sealed record DuplicateRecord(long Id, string ExternalId, string? Name, string? Email, IReadOnlyList<string> Sources);

/// <summary>
/// Two records that are probably one entity under different ids, with what makes them look alike. <see cref="Rule"/> is
/// <c>same-email</c>, <c>same-domain</c>, <c>same-name</c> or <c>unmatched-company-id</c> (an Intercom company whose
/// company_id matches no Segment group while a Segment group has its name).
/// </summary>
public sealed record DuplicateCandidate(RecordKind Kind, string Rule, string Evidence, DuplicateRecord First, DuplicateRecord Second);

/// <summary>A merge as recorded: the kept record, the merged one, why, by whom, and whether it was undone.</summary>
public sealed record MergeRecord(
    long Id, RecordKind Kind, long KeptId, long MergedId, string Evidence, string MergedBy, DateTimeOffset MergedAt,
    string? UndoneBy, DateTimeOffset? UndoneAt);
