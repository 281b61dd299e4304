using Rapport.Hub.Accounts;

namespace Rapport.Hub.Accounts;

/// <param name="Mrr">The account model's values (null before the model computed the account).</param>
/// <param name="UserCount">Hub users linked to the account (Intercom's own count is on the account's source record).</param>
public sealed record AccountRow(
    AccountId Id,
    string ExternalId,
    string? Name,
    RecordStatus Status,
    string? StatusReason,
    string? Plan,
    decimal? MonthlySpend,
    long UserCount,
    DateTimeOffset? LastSeenAt,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<string> Tags,
    decimal? Mrr = null,
    string? Currency = null,
    string? ModelType = null,
    decimal? Health = null);
