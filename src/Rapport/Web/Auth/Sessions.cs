using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Rapport.Hub.Team;
using Rapport.Hub.Security;

namespace Rapport.Web.Auth;

/// <summary>Signing a browser in and out: each sign-in is a session row the cookie names, and signing out ends it.</summary>
internal static class Sessions
{
    private const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Starts a session for <paramref name="teammate"/> and issues its cookie; false when the teammate is gone.</summary>
    public static async Task<bool> SignInAsync(HttpContext context, ISignInStore store, Teammate teammate, CancellationToken cancellationToken = default)
    {
        var address = context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null;
        var agent = context.Request.Headers.UserAgent.ToString();
        var session = await store.StartSessionAsync(teammate.Id, address, agent.Length > 0 ? agent : null, cancellationToken);
        if (session is null)
            return false;

        var principal = SessionClaims.Principal(teammate, Scheme, session.Id, session.SecurityStamp);
        await context.SignInAsync(Scheme, principal);
        // The rest of this request (a page rendered after changing the password) sees the new session as the current one.
        context.User = principal;
        return true;
    }

    /// <summary>Ends the request's session, so a copy of its cookie stops working too, and clears the cookie.</summary>
    public static async Task SignOutAsync(HttpContext context, ISignInStore store, CancellationToken cancellationToken = default)
    {
        if (context.User.TeammateId() is { } teammateId && context.User.SessionId() is { } sessionId)
            await store.EndSessionAsync(teammateId, sessionId, cancellationToken);
        await context.SignOutAsync(Scheme);
    }
}
