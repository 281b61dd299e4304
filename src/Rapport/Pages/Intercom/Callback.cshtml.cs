using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Intercom;
using Rapport.Intercom.OAuth;
using Rapport.Web;
using Rapport.Web.Auth;
using Rapport.Web.Integration;

namespace Rapport.Pages.Intercom;

/// <summary>
/// Where Intercom sends the browser back: checks the state, trades the code for a token, verifies it with GET /me and only
/// then replaces the connection. Every failure ends here, saying what happened and what to do; the previous connection
/// stays as it was.
/// </summary>
[Authorize(Policy = TeamClaims.SettingsPolicy)]
internal sealed class CallbackModel(RapportWebOptions options, OAuthState state, IntercomOAuth oauth, IntercomConnections connections) : PageModel
{
    private const string StartAgain = "Nothing was changed. Start again from Settings → Integrations → Intercom → Connect to Intercom.";

    public OAuthFailure? Failure { get; private set; }

    public IntercomConnectionRecord? Previous { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, [FromQuery(Name = "state")] string? sealedState, string? error, CancellationToken cancellationToken)
    {
        Previous = await connections.CurrentAsync(cancellationToken);
        var accepted = state.Accept(Request, sealedState, User.TeammateId());
        OAuthState.Forget(Response);
        if (accepted is null)
        {
            return Fail(400, "The answer from Intercom could not be verified",
                "Its state parameter was altered, has expired (after 15 minutes), or belongs to another browser or teammate, so Rapport did not use it.", StartAgain);
        }

        if (error is not null)
        {
            return error == "access_denied"
                ? Fail(400, "Access was denied", "You (or Intercom) declined to authorize Rapport, so it has no access to the workspace.", "Nothing was changed. To connect, click Connect to Intercom again and choose Authorize.")
                : Fail(400, "Intercom refused the authorization", $"Intercom answered with the error '{error}'.", StartAgain);
        }

        if (string.IsNullOrEmpty(code))
            return Fail(400, "No authorization code", "Intercom sent Rapport back without an authorization code.", StartAgain);

        IntercomOAuthToken token;
        try
        {
            token = await oauth.ExchangeCodeAsync(IntercomRegions.ApiBase(options.Intercom, accepted.Region), code, options.Intercom.ClientId!, options.Intercom.ClientSecret!, cancellationToken);
        }
        catch (IntercomUnauthorizedException)
        {
            return Fail(400, "Intercom refused the authorization code",
                "Intercom did not accept the code it sent: codes expire a few minutes after you authorize and work only once (or Rapport's client id and secret are wrong).",
                StartAgain + " Authorize promptly.");
        }
        catch (IntercomException exception)
        {
            var problem = ConnectProblem.From(exception, "the code exchange");
            return Fail(problem.Status, problem.Title, problem.What, $"{problem.ToDo} Nothing was changed.");
        }

        var (connection, failure) = await connections.ConnectAsync(accepted.Region, token.AccessToken, "oauth", User.Describe(), cancellationToken);
        if (connection is null)
            return Fail(failure!.Status, failure.Title, failure.What, $"{failure.ToDo} Nothing was changed.");
        return Redirect("/settings/integrations/intercom?connected=true");
    }

    private PageResult Fail(int status, string title, string what, string toDo)
    {
        Failure = new OAuthFailure(title, what, toDo);
        Response.StatusCode = status;
        return Page();
    }
}
