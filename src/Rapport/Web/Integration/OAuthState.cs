using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Rapport.Web.Integration;

/// <summary>
/// The OAuth <c>state</c>: a Data-Protection-sealed payload naming the teammate, the chosen region and an expiry, bound to
/// the browser by a nonce cookie. A state that was altered, is too old, came back in another browser or for another
/// teammate is refused, so nobody can make a teammate's hub connect to the attacker's workspace (RFC 6749 §10.12).
/// </summary>
internal sealed class OAuthState(IDataProtectionProvider protection, TimeProvider timeProvider)
{
    public const string CookieName = "rapport.intercom_oauth";
    public const string CallbackPath = "/intercom/oauth/callback";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly IDataProtector _protector = protection.CreateProtector("Rapport.Intercom.OAuthState.v1");

    /// <summary>Seals a new state and sets its nonce cookie on <paramref name="response"/>.</summary>
    public string Issue(HttpResponse response, long teammateId, string region)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var payload = new OAuthStatePayload(nonce, teammateId, region, timeProvider.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds());
        response.Cookies.Append(CookieName, nonce, new CookieOptions
        {
            HttpOnly = true,
            // Intercom's redirect back is a top-level GET from another site: Lax still sends the cookie then.
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            Path = "/intercom/oauth",
            MaxAge = Lifetime,
        });
        return _protector.Protect(JsonSerializer.Serialize(payload, IntegrationJsonContext.Default.OAuthStatePayload));
    }

    /// <summary>The payload when <paramref name="state"/> is genuine, fresh, from this browser and this teammate; otherwise null.</summary>
    public OAuthStatePayload? Accept(HttpRequest request, string? state, long? teammateId)
    {
        if (string.IsNullOrEmpty(state) || request.Cookies[CookieName] is not { Length: > 0 } nonce)
            return null;
        OAuthStatePayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(_protector.Unprotect(state), IntegrationJsonContext.Default.OAuthStatePayload);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        var fresh = payload is not null && DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt) > timeProvider.GetUtcNow();
        return fresh && payload!.TeammateId == teammateId
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(payload.Nonce), System.Text.Encoding.ASCII.GetBytes(nonce))
            ? payload
            : null;
    }

    public static void Forget(HttpResponse response) => response.Cookies.Delete(CookieName, new CookieOptions { Path = "/intercom/oauth" });

    /// <summary><see cref="RapportWebOptions.PublicUrl"/> when set (behind a proxy), else the request's own scheme and host.</summary>
    public static Uri RedirectUri(RapportWebOptions options, HttpRequest request)
    {
        var root = options.PublicUrl?.AbsoluteUri ?? $"{request.Scheme}://{request.Host}/";
        return new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), CallbackPath.TrimStart('/'));
    }
}

internal sealed record OAuthStatePayload(string Nonce, long TeammateId, string Region, long ExpiresAt);
