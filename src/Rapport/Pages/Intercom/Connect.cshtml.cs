using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Intercom;
using Rapport.Intercom.OAuth;
using Rapport.Web;
using Rapport.Web.Auth;
using Rapport.Web.Integration;

namespace Rapport.Pages.Intercom;

/// <summary>"Connect to Intercom": seals the state, sets its nonce cookie and sends the browser to Intercom's consent page.</summary>
[Authorize(Policy = TeamClaims.SettingsPolicy)]
internal sealed class ConnectModel(RapportWebOptions options, OAuthState state) : PageModel
{
    public OAuthFailure? Failure { get; private set; }

    public IActionResult OnGet(string? region)
    {
        if (!options.Intercom.CanUseOAuth)
        {
            Failure = new OAuthFailure("OAuth is not set up",
                "Rapport has no Intercom app client id and secret, so it cannot send you to Intercom to authorize it.",
                "Set intercom.clientId and intercom.clientSecret (Developer Hub → your app → Basic info), or connect with an access token instead.");
            return Page();
        }
        if (!IntercomRegionCodes.TryParse(region, out var parsed))
        {
            Failure = new OAuthFailure("Unknown region", $"'{region}' is not a region.", "Choose US, EU or AU and connect again.");
            return Page();
        }

        var sealedState = state.Issue(Response, User.TeammateId() ?? 0, IntercomRegionCodes.Code(parsed));
        var authorize = IntercomOAuth.BuildAuthorizeUrl(options.Intercom.AuthorizeUrl, options.Intercom.ClientId!, sealedState, OAuthState.RedirectUri(options, Request));
        return Redirect(authorize.AbsoluteUri);
    }
}

/// <summary>What went wrong with connecting, for the error page: a title, what happened, what to do.</summary>
public sealed record OAuthFailure(string Title, string What, string ToDo);
