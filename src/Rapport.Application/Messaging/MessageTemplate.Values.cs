using Rapport.Hub.Team;
using Rapport.Hub.Accounts;

namespace Rapport.Application.Messaging;

public static partial class MessageTemplate
{
    /// <summary>
    /// Every <see cref="Placeholders"/> value for <paramref name="recipient"/> (their first account stands for "the account")
    /// and the sending <paramref name="teammate"/>; what is unknown is null, so <c>default</c> fills it.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Values(UserDetail? recipient, Teammate? teammate)
    {
        var name = recipient?.Name?.Trim();
        var names = name?.Split(' ', 2);
        var account = recipient?.Accounts.FirstOrDefault();
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["user.first_name"] = names?[0],
            ["user.last_name"] = names is [_, var last] ? last : null,
            ["user.name"] = name,
            ["user.email"] = recipient?.Email,
            ["user.external_id"] = recipient?.ExternalId,
            ["account.name"] = account?.Name,
            ["account.external_id"] = account?.ExternalId,
            ["teammate.name"] = teammate?.Name,
            ["teammate.first_name"] = teammate?.Name.Split(' ', 2)[0],
            ["teammate.email"] = teammate?.Email,
        };
    }
}
