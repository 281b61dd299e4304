using System.Globalization;
using System.Security.Claims;
using Rapport.Hub.Team;

namespace Rapport.Web.Auth;

/// <summary>A teammate as the claims of a signed-in principal, and back.</summary>
internal static class TeamClaims
{
    public const string SettingsPolicy = "settings";
    public const string AdminPolicy = "admin";

    public static ClaimsPrincipal Principal(Teammate teammate, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, teammate.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, teammate.Name),
            new Claim(ClaimTypes.Email, teammate.Email),
            new Claim(ClaimTypes.Role, teammate.Role.ToName()),
        ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    public static long? TeammateId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static TeamRole? Role(this ClaimsPrincipal principal) =>
        TeamRoles.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static bool CanManageSettings(this ClaimsPrincipal principal) => principal.Role() is TeamRole.Admin or TeamRole.Leader;

    public static bool IsAdmin(this ClaimsPrincipal principal) => principal.Role() is TeamRole.Admin;
}
