using Rapport.Hub.Accounts;
using Rapport.Hub.Users;

namespace Rapport.Hub.Accounts;

public sealed record UserView(
    UserId Id,
    string ExternalId,
    string? Email,
    string? Name,
    RecordStatus Status,
    string? StatusReason,
    IReadOnlyList<string> AccountExternalIds,
    IReadOnlyList<UserSourceView> Sources);

/// <param name="Segments">The contact's segment names in the source, sorted ordinally.</param>
public sealed record UserSourceView(
    string Source, string SourceId, IReadOnlyList<string> Tags, IReadOnlyList<string> Segments, string CustomAttributesJson, string RawJson);
