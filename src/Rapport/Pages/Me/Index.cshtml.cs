using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Storage;
using Rapport.Hub.Team;
using Rapport.Web.Auth;

namespace Rapport.Pages.Me;

[PasswordAttempt(Handler = "Password")]
internal sealed class MeModel(IHubStore store, SignInGuard guard) : PageModel
{
    public Teammate Teammate { get; private set; } = null!;

    public IReadOnlyList<ApiTokenInfo> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    private long Id => User.TeammateId() ?? throw new InvalidOperationException("A signed-in teammate has an id claim.");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Teammate = await store.FindTeammateAsync(Id, cancellationToken) ?? throw new InvalidOperationException("The signed-in teammate was removed.");
        Tokens = await store.ListApiTokensAsync(Id, cancellationToken);
    }

    public async Task OnPostCreateAsync(string? name, CancellationToken cancellationToken)
    {
        var token = ApiTokens.Generate();
        await store.AddApiTokenAsync(Id, string.IsNullOrWhiteSpace(name) ? "token" : name, ApiTokens.Hash(token), cancellationToken);
        NewToken = token;
        await OnGetAsync(cancellationToken);
    }

    public async Task OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        Message = await store.RevokeApiTokenAsync(Id, id, cancellationToken) ? "The token was revoked." : "No such token.";
        await OnGetAsync(cancellationToken);
    }

    public async Task OnPostPasswordAsync(string? current, string? next, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        var attempt = await guard.CheckAsync(Teammate.Email, current, cancellationToken);
        if (attempt.LockMessage is { } locked)
            (Message, MessageIsError) = ($"Not changed: {locked}", true);
        else if (attempt.Teammate is null)
            (Message, MessageIsError) = ("Your current password is not right.", true);
        else if (PasswordRules.Problem(next, Teammate.Email) is { } problem)
            (Message, MessageIsError) = ($"Not changed: {problem}.", true);
        else
        {
            await store.SetTeammatePasswordAsync(Id, Passwords.Hash(next!), cancellationToken);
            Message = "Your password was changed.";
        }
    }
}
