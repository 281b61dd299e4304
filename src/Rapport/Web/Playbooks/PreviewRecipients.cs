using Rapport.Application.Accounts;
using System.Globalization;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Playbooks;

/// <summary>
/// The user a playbook preview renders for, from what the form's user box holds: an internal id still works, but people know
/// their users by email or name, so those are looked up with the Users list's own search.
/// </summary>
internal static class PreviewRecipients
{
    /// <summary>How many matches the form offers to pick from.</summary>
    public const int Suggestions = 20;

    /// <returns>The user when the text names exactly one (an exact email, external id or name wins over prefixes), and the matches.</returns>
    public static async Task<(UserDetail? User, IReadOnlyList<UserRow> Matches)> FindAsync(AccountDirectory store, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && await store.GetUserAsync(id, cancellationToken) is { } byId)
            return (byId, []);
        var matches = (await store.ListUsersAsync(new UserQuery { Search = text, Status = StatusFilter.All, PageSize = Suggestions }, cancellationToken)).Rows;
        var exact = matches.Where(u => Same(u.Email, text) || Same(u.ExternalId, text) || Same(u.Name, text)).ToList();
        var pick = exact.Count == 1 ? exact[0] : matches.Count == 1 ? matches[0] : null;
        return (pick is null ? null : await store.GetUserAsync(pick.Id.Value, cancellationToken), matches);
    }

    /// <summary>The first users by name, to pick from before anything is typed.</summary>
    public static async Task<IReadOnlyList<UserRow>> FirstAsync(AccountDirectory store, CancellationToken cancellationToken) =>
        (await store.ListUsersAsync(new UserQuery { PageSize = 50 }, cancellationToken)).Rows;

    private static bool Same(string? value, string text) => string.Equals(value, text, StringComparison.OrdinalIgnoreCase);
}
