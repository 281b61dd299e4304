using Rapport.Web.Audit;

namespace Rapport.Pages.Settings;

/// <summary>An Admin signs a teammate out everywhere: a lost laptop, a shared browser, a cookie that may have leaked.</summary>
internal sealed partial class TeammatesModel
{
    public async Task OnPostEndSessionsAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindTeammateAsync(id, cancellationToken) is not { } teammate)
        {
            Fail("There is no such teammate.");
        }
        else
        {
            var ended = await store.EndSessionsAsync(id, null, cancellationToken);
            await audit.RecordAsync(AuditActions.SessionsEnded, AuditActions.Name(teammate), $"all {ended}, by an Admin");
            Message = $"{ended} {(ended == 1 ? "session" : "sessions")} of {teammate.Name} ended: they sign in again; their API tokens keep working until revoked.";
        }

        await OnGetAsync(cancellationToken);
    }
}
