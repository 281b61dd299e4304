using Rapport.Hub.Team;

namespace Rapport.Web.Auth;

/// <summary>The first start of a hub creates its admin, so that someone can sign in and invite the rest.</summary>
internal static class FirstAdmin
{
    /// <returns>The password to print once when it was generated here; null when a teammate exists or the password was given.</returns>
    public static async Task<string?> EnsureAsync(ITeamStore store, RapportWebOptions options, CancellationToken cancellationToken)
    {
        if (await store.CountTeammatesAsync(cancellationToken) > 0)
            return null;

        if (options.AdminPassword is { } given && PasswordRules.Problem(given, options.AdminEmail) is { } problem)
            throw new Configuration.SettingsException($"admin password: {problem}");
        var password = options.AdminPassword ?? Passwords.Generate();
        await store.AddTeammateAsync(options.AdminEmail, "Admin", TeamRole.Admin, null, Passwords.Hash(password), cancellationToken);
        return options.AdminPassword is null ? password : null;
    }
}
