using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Storage;
using Rapport.Hub.Team;
using Rapport.Web.Auth;

namespace Rapport.Pages.Settings;

[Authorize(Policy = TeamClaims.AdminPolicy)]
internal sealed class TeammatesModel(IHubStore store) : PageModel
{
    public IReadOnlyList<Teammate> Teammates { get; private set; } = [];

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public string? NewPassword { get; private set; }

    public string? NewPasswordFor { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Teammates = await store.ListTeammatesAsync(cancellationToken);

    public async Task OnPostAddAsync(string? name, string? email, string? role, string? intercomAdminEmail, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
            Fail("A teammate needs a name and an email.");
        else if (!TeamRoles.TryParse(role, out var parsed))
            Fail($"'{role}' is not a role.");
        else
        {
            var password = Passwords.Generate();
            var added = await store.AddTeammateAsync(email, name, parsed, Blank(intercomAdminEmail), Passwords.Hash(password), cancellationToken);
            if (added is null)
                Fail($"A teammate with the email {email} exists already.");
            else
            {
                (NewPassword, NewPasswordFor) = (password, added.Name);
                Message = $"{added.Name} was added as {added.Role.Display()}.";
            }
        }
        await OnGetAsync(cancellationToken);
    }

    public async Task OnPostRemoveAsync(long id, CancellationToken cancellationToken)
    {
        if (id == User.TeammateId())
            Fail("You cannot remove yourself.");
        else if (await store.RemoveTeammateAsync(id, cancellationToken))
            Message = "The teammate was removed and signed out.";
        await OnGetAsync(cancellationToken);
    }

    private void Fail(string message) => (Message, MessageIsError) = (message, true);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
