using Rapport.Hub.Accounts;
using Rapport.Hub.Sources;

namespace Rapport.Hub.Accounts;

/// <summary>An account with everything its sources gave (each source's company with its current qualification), and (some of) its users.</summary>
/// <param name="Users">At most the limit asked for, by name; <paramref name="UserCount"/> says how many there are.</param>
public sealed record AccountDetail(
    AccountId Id,
    string ExternalId,
    string? Name,
    RecordStatus Status,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<CompanyDecision> Sources,
    IReadOnlyList<UserRow> Users,
    long UserCount);
