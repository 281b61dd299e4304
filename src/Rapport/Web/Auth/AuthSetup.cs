using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Hub.Storage;

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
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
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

    // A removed teammate is signed out at once, and a changed role applies from the next request.
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<IHubStore>();
        var teammate = context.Principal?.TeammateId() is { } id ? await store.FindTeammateAsync(id, context.HttpContext.RequestAborted) : null;
        if (teammate is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        var current = TeamClaims.Principal(teammate, CookieAuthenticationDefaults.AuthenticationScheme);
        if (current.Role() != context.Principal!.Role() || current.Identity!.Name != context.Principal!.Identity?.Name)
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
