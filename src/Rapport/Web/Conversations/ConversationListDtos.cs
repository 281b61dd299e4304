using Rapport.Hub.Conversations;
using Rapport.Application.Conversations;

namespace Rapport.Web.Conversations;

/// <summary>An inbox row: the conversation, its users and their accounts.</summary>
internal sealed record ConversationListItemDto(ConversationItemDto Conversation, IReadOnlyList<NamedRefDto> Users, IReadOnlyList<NamedRefDto> Accounts)
{
    public static ConversationListItemDto From(ConversationListRow row) => new(
        ConversationItemDto.From(row.Conversation),
        [.. row.Users.Select(u => new NamedRefDto(u.ExternalId, u.Name))],
        [.. row.Accounts.Select(a => new NamedRefDto(a.ExternalId, a.Name))]);
}

/// <summary>A user or account by external id, with its name.</summary>
internal sealed record NamedRefDto(string ExternalId, string? Name);

/// <summary>The completeness audit's result (see <see cref="ConversationAuditResult"/>).</summary>
internal sealed record ConversationAuditDto(
    int Checked, int Complete, int Refetched, int Repaired, int StillIncomplete, int PartsAdded, int NotStored, IReadOnlyList<string> Incomplete)
{
    public static ConversationAuditDto From(ConversationAuditResult r) =>
        new(r.Checked, r.Complete, r.Refetched, r.Repaired, r.StillIncomplete, r.PartsAdded, r.NotStored, r.Incomplete);
}
