using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Hub.Team;
using Rapport.Hub.Security;

namespace Rapport.Web.Auth;

/// <summary>
/// Teammates sign in with a cookie; the REST API also takes personal API tokens. Everything needs a signed-in teammate
/// unless it says otherwise (the sign-in page, webhooks, ingest); settings need an Admin or a Leader.
/// </summary>
internal static class AuthSetup
{
    private const string Selector = "rapport";

    public static IServiceCollection AddRapportAuth(this IServiceCollection services, SignInProtection protection)
    {
        services.AddMetrics();
        services.TryAddSingleton<PasswordVerifier>();
        services.TryAddSingleton<SignInGuard>();
        services.AddRapportSignInLimits(protection);
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? ApiTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/signin";
                options.LogoutPath = "/signout";
                options.AccessDeniedPath = "/denied";
                options.Cookie.Name = "rapport.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure over HTTPS, including behind a trusted proxy that ends TLS (see TrustedProxies).
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TeammateSessions.IdleLifetime;
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = RevalidateAsync,
                    OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized, "Sign in, or send a personal API token."),
                    OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden, "Your role does not allow this."),
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(TeamClaims.SettingsPolicy, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => c.User.CanManageSettings()))
            .AddPolicy(TeamClaims.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsAdmin()));
        return services;
    }

    // A cookie is good only while its session lives (sign-out, ending it from a profile or Settings → Teammates ends it)
    // and the teammate's security stamp is the one it was issued under (a new password or role changes it); a removed
    // teammate's sessions went with them. A cookie from before sessions were kept names none and signs in again.
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<ISignInStore>();
        var principal = context.Principal;
        var sessionId = principal?.SessionId();
        var check = principal?.TeammateId() is { } id && sessionId is { } session
            ? await store.UseSessionAsync(session, id, context.HttpContext.RequestAborted)
            : null;
        if (principal is null || check is null || !string.Equals(check.SecurityStamp, principal.SecurityStamp(), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        // A new name shows at once; a new role never gets here, its stamp refused the cookie above.
        var current = SessionClaims.Principal(check.Teammate, CookieAuthenticationDefaults.AuthenticationScheme, sessionId!.Value, check.SecurityStamp);
        if (current.Role() != principal.Role() || current.Identity!.Name != principal.Identity?.Name)
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status, string detail)
    {
        if (ApiProblems.IsApi(context.Request))
            return ApiProblems.WriteAsync(context.HttpContext, status, detail);
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
