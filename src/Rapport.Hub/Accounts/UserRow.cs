using Rapport.Hub.Accounts;
using Rapport.Hub.Users;

namespace Rapport.Hub.Accounts;

public sealed record UserRow(
    UserId Id,
    string ExternalId,
    string? Name,
    string? Email,
    RecordStatus Status,
    string? StatusReason,
    long AccountCount,
    DateTimeOffset? LastSeenAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Tags);
