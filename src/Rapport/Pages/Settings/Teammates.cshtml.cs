using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Hub.Team;
using Rapport.Intercom;
using Rapport.Application.Messaging;
using Rapport.Web.Audit;
using Rapport.Web.Auth;
using Rapport.Web.Messaging;
using Rapport.Hub.Security;

namespace Rapport.Pages.Settings;

[Authorize(Policy = TeamClaims.AdminPolicy)]
internal sealed partial class TeammatesModel(ISignInStore signInStore, ITeamStore teamStore, MessagingSeats seats, IAuditLog audit) : PageModel
{
    public IReadOnlyList<Teammate> Teammates { get; private set; } = [];

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public string? NewPassword { get; private set; }

    public string? NewPasswordFor { get; private set; }

    /// <summary>Intercom's admins to map teammates to; empty when Intercom is not connected or did not answer.</summary>
    public IReadOnlyList<IntercomAdmin> IntercomAdmins { get; private set; } = [];

    /// <summary>Whether each teammate can send to Intercom, and as whom; none when Intercom could not be asked.</summary>
    public IReadOnlyDictionary<long, SeatCheck> Seats { get; private set; } = new Dictionary<long, SeatCheck>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Teammates = await teamStore.ListTeammatesAsync(cancellationToken);
        try
        {
            var admins = await seats.AdminsAsync(cancellationToken);
            IntercomAdmins = admins ?? [];
            Seats = Teammates.ToDictionary(t => t.Id, t => SeatCheck.Of(t, admins));
        }
        catch (IntercomException)
        {
            // The page still lists and edits teammates; their seats show once Intercom answers again.
        }
    }

    public async Task OnPostMapAsync(long id, string? intercomAdminEmail, CancellationToken cancellationToken)
    {
        var email = Blank(intercomAdminEmail);
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            Fail($"'{email}' is not an email.");
        }
        else if (await teamStore.FindTeammateAsync(id, cancellationToken) is { } teammate
            && await teamStore.UpdateTeammateAsync(id, teammate.Name, teammate.Role, email, cancellationToken))
        {
            await audit.RecordAsync(AuditActions.IntercomAdminChanged, AuditActions.Name(teammate), email ?? "their own email");
            Message = email is null ? $"{teammate.Name} is mapped to Intercom by their own email." : $"{teammate.Name} sends to Intercom as the admin {email}.";
        }
        await OnGetAsync(cancellationToken);
    }

    public async Task OnPostRoleAsync(long id, string? role, CancellationToken cancellationToken)
    {
        if (!TeamRoles.TryParse(role, out var parsed))
        {
            Fail($"'{role}' is not a role.");
        }
        else if (id == User.TeammateId())
        {
            Fail("You cannot change your own role: another Admin can.");
        }
        else if (await teamStore.FindTeammateAsync(id, cancellationToken) is { } teammate
            && await teamStore.UpdateTeammateAsync(id, teammate.Name, parsed, teammate.IntercomAdminEmail, cancellationToken))
        {
            if (teammate.Role != parsed)
                await audit.RecordAsync(AuditActions.RoleChanged, AuditActions.Name(teammate), $"{teammate.Role.Display()} → {parsed.Display()}");
            Message = $"{teammate.Name} is now {parsed.Display()}.";
        }
        await OnGetAsync(cancellationToken);
    }

    public async Task OnPostAddAsync(string? name, string? email, string? role, string? intercomAdminEmail, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            Fail("A teammate needs a name and an email.");
        }
        else if (!TeamRoles.TryParse(role, out var parsed))
        {
            Fail($"'{role}' is not a role.");
        }
        else
        {
            var password = Passwords.Generate();
            var added = await teamStore.AddTeammateAsync(email, name, parsed, Blank(intercomAdminEmail), Passwords.Hash(password), cancellationToken);
            if (added is null)
            {
                Fail($"A teammate with the email {email} exists already.");
            }
            else
            {
                await audit.RecordAsync(AuditActions.TeammateAdded, AuditActions.Name(added), added.Role.Display());
                (NewPassword, NewPasswordFor) = (password, added.Name);
                Message = $"{added.Name} was added as {added.Role.Display()}.";
            }
        }
        await OnGetAsync(cancellationToken);
    }

    public async Task OnPostRemoveAsync(long id, CancellationToken cancellationToken)
    {
        if (id == User.TeammateId())
        {
            Fail("You cannot remove yourself.");
        }
        else if (await teamStore.FindTeammateAsync(id, cancellationToken) is { } teammate && await teamStore.RemoveTeammateAsync(id, cancellationToken))
        {
            await audit.RecordAsync(AuditActions.TeammateRemoved, AuditActions.Name(teammate), teammate.Role.Display());
            Message = "The teammate was removed and signed out.";
        }
        await OnGetAsync(cancellationToken);
    }

    private void Fail(string message) => (Message, MessageIsError) = (message, true);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
