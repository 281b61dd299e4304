using Rapport.Web.Audit;
using Rapport.Hub.Security;
using Rapport.Hub.Team;

namespace Rapport.Pages.Settings;

/// <summary>An Admin signs a teammate out everywhere: a lost laptop, a shared browser, a cookie that may have leaked.</summary>
internal sealed partial class TeammatesModel
{
    public async Task OnPostEndSessionsAsync(long id, CancellationToken cancellationToken)
    {
        if (await teamStore.FindTeammateAsync(id, cancellationToken) is not { } teammate)
        {
            Fail("There is no such teammate.");
        }
        else
        {
            var ended = await signInStore.EndSessionsAsync(id, null, cancellationToken);
            await audit.RecordAsync(AuditActions.SessionsEnded, AuditActions.Name(teammate), $"all {ended}, by an Admin");
            Message = $"{ended} {(ended == 1 ? "session" : "sessions")} of {teammate.Name} ended: they sign in again; their API tokens keep working until revoked.";
        }

        await OnGetAsync(cancellationToken);
    }
}
