namespace Rapport.IntercomSimulator.Webhooks;

/// <summary>The "webhooks that never arrived" fault: Intercom gives up after one retry (Intercom's webhook
/// documentation), so a receiver must heal from a reconciliation sweep. Dropped notifications stay in the delivery log
/// with status "dropped".</summary>
internal sealed partial class WebhookDispatcher
{
    private int _dropNext;

    /// <summary>The next <paramref name="count"/> notifications (ping excepted) are never delivered; 0 cancels.</summary>
    public void DropNext(int count) => Volatile.Write(ref _dropNext, Math.Max(0, count));

    private bool TakeDrop()
    {
        while (true)
        {
            var remaining = Volatile.Read(ref _dropNext);
            if (remaining <= 0) { return false; }
            if (Interlocked.CompareExchange(ref _dropNext, remaining - 1, remaining) == remaining) { return true; }
        }
    }
}
