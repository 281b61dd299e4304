using System.Globalization;
using System.Security.Claims;
using Rapport.Hub.Team;

namespace Rapport.Web.Auth;

/// <summary>
/// The claims that tie a session cookie to its server-side session: the session's id and the teammate's security stamp
/// when it started. The cookie is encrypted and signed, so neither can be forged; both are checked on every request.
/// </summary>
internal static class SessionClaims
{
    private const string SessionIdType = "rapport:session";
    private const string SecurityStampType = "rapport:stamp";

    public static ClaimsPrincipal Principal(Teammate teammate, string scheme, long sessionId, string securityStamp)
    {
        var principal = TeamClaims.Principal(teammate, scheme);
        ((ClaimsIdentity)principal.Identity!).AddClaims(
        [
            new Claim(SessionIdType, sessionId.ToString(CultureInfo.InvariantCulture)),
            new Claim(SecurityStampType, securityStamp),
        ]);
        return principal;
    }

    /// <summary>The session a cookie belongs to; null for an API token, or a cookie from before sessions were kept.</summary>
    public static long? SessionId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SessionIdType), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string? SecurityStamp(this ClaimsPrincipal principal) => principal.FindFirstValue(SecurityStampType);
}
