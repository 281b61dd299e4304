using Microsoft.AspNetCore.Antiforgery;

namespace Rapport.Web.Security;

/// <summary>
/// The REST API takes the session cookie as well as bearer tokens, and a browser attaches that cookie to a form posted
/// from any same-site origin (another port of the host, a sibling subdomain). So a state-changing API request that is
/// authenticated by the cookie must come from Rapport's own pages: the browser must not call it cross-site or
/// same-site (Sec-Fetch-Site, else Origin), and it must carry the page's antiforgery token in
/// <see cref="HeaderName"/>. Requests with an Authorization header never use the cookie and are left alone.
/// </summary>
internal static class CrossSiteRequestGuard
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ApiProblems.IsApi(context.Request)
            && !IsSafe(context.Request.Method)
            && context.Request.Headers.Authorization.Count == 0
            && context.User.Identity?.IsAuthenticated == true
            && await RefusalAsync(context) is { } refusal)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, refusal);
            return;
        }

        await next(context);
    });

    private static async Task<string?> RefusalAsync(HttpContext context)
    {
        var request = context.Request;
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return $"Refused a {fetchSite} request signed in by cookie: the API takes cookie-authenticated changes from Rapport's own pages only. Use a personal API token (Authorization: Bearer …) from elsewhere.";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !SameOrigin(origin, request))
        {
            return $"Refused a request from {origin} signed in by cookie: the API takes cookie-authenticated changes from Rapport's own pages only. Use a personal API token (Authorization: Bearer …) from elsewhere.";
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return $"The request is signed in by cookie but has no valid antiforgery token: Rapport's pages send it in the {HeaderName} header. Use a personal API token (Authorization: Bearer …) to call the API from elsewhere.";
        }
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
