using Rapport.Hub.Accounts;
using Rapport.Hub.Users;

namespace Rapport.Hub.Storage;

public sealed record UserView(
    UserId Id,
    string ExternalId,
    string? Email,
    string? Name,
    RecordStatus Status,
    string? StatusReason,
    IReadOnlyList<string> AccountExternalIds,
    IReadOnlyList<UserSourceView> Sources);

public sealed record UserSourceView(string Source, string SourceId, IReadOnlyList<string> Tags, string CustomAttributesJson, string RawJson);
