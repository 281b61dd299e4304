using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Team;
using Rapport.Web.Audit;
using Rapport.Web.Auth;
using Rapport.Hub.Security;

namespace Rapport.Pages.Me;

[PasswordAttempt(Handler = "Password")]
internal sealed partial class MeModel(ISignInStore signInStore, ITeamStore teamStore, SignInGuard guard, IAuditLog audit) : PageModel
{
    public Teammate Teammate { get; private set; } = null!;

    public IReadOnlyList<ApiTokenInfo> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    private long Id => User.TeammateId() ?? throw new InvalidOperationException("A signed-in teammate has an id claim.");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Teammate = await teamStore.FindTeammateAsync(Id, cancellationToken) ?? throw new InvalidOperationException("The signed-in teammate was removed.");
        Tokens = await teamStore.ListApiTokensAsync(Id, cancellationToken);
        await LoadSessionsAsync(cancellationToken);
    }

    public async Task OnPostCreateAsync(string? name, CancellationToken cancellationToken)
    {
        var token = ApiTokens.Generate();
        var added = await teamStore.AddApiTokenAsync(Id, string.IsNullOrWhiteSpace(name) ? "token" : name, ApiTokens.Hash(token), cancellationToken);
        await audit.RecordAsync(AuditActions.TokenCreated, added.Name);
        NewToken = token;
        await OnGetAsync(cancellationToken);
    }

    public async Task OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        var token = (await teamStore.ListApiTokensAsync(Id, cancellationToken)).FirstOrDefault(t => t.Id == id);
        var revoked = token is not null && await teamStore.RevokeApiTokenAsync(Id, id, cancellationToken);
        if (revoked)
            await audit.RecordAsync(AuditActions.TokenRevoked, token!.Name);
        Message = revoked ? "The token was revoked." : "No such token.";
        await OnGetAsync(cancellationToken);
    }

    public async Task OnPostPasswordAsync(string? current, string? next, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var attempt = await guard.CheckAsync(Teammate.Email, current, cancellationToken);
        if (attempt.Teammate is null)
            await audit.RecordAsync(AuditActions.PasswordChangeRefused, null, attempt.KnownEmail is null ? attempt.FailureDetail : "wrong current password");
        if (attempt.LockMessage is { } locked)
        {
            (Message, MessageIsError) = ($"Not changed: {locked}", true);
        }
        else if (attempt.Teammate is null)
        {
            (Message, MessageIsError) = ("Your current password is not right.", true);
        }
        else if (PasswordRules.Problem(next, Teammate.Email) is { } problem)
        {
            (Message, MessageIsError) = ($"Not changed: {problem}.", true);
        }
        else
        {
            await teamStore.SetTeammatePasswordAsync(Id, Passwords.Hash(next!), cancellationToken);
            await audit.RecordAsync(AuditActions.PasswordChanged);
            // The change ended every session of the teammate, this one too: whoever made it carries on in a fresh one.
            await Sessions.SignInAsync(HttpContext, signInStore, Teammate, cancellationToken);
            await LoadSessionsAsync(cancellationToken);
            Message = "Your password was changed, and your other sessions were ended.";
        }
    }
}
