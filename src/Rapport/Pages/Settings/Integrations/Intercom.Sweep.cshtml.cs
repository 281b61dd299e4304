using Rapport.Web.Integration;

namespace Rapport.Pages.Settings.Integrations;

internal sealed partial class IntercomModel
{
    /// <summary>"Reconcile now": a sweep in the background; the status card shows it running, then what it healed.</summary>
    public async Task OnPostReconcileAsync(CancellationToken cancellationToken)
    {
        var (_, refusal) = await sync.StartSweepAsync(User.Describe(), cancellationToken);
        if (refusal is not null)
            Fail(refusal);
        else
            Message = "The reconciliation sweep started: the status card shows what it finds.";
        await LoadAsync(null, cancellationToken);
    }
}
