namespace Rapport.Intercom.Http;

/// <summary>
/// Intercom allows one open company scroll per app
/// (https://developers.intercom.com/docs/references/rest-api/api.intercom.io/companies/scrolloverallcompanies);
/// scrolls of this container take turns instead of tripping over each other, and one left open (broken off or stopped
/// early) is waited out until it expires, rather than met with refusals to open the next.
/// </summary>
internal sealed class IntercomScrollGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    // Read and written only by the holder of the semaphore.
    private DateTimeOffset _abandonedUntil = DateTimeOffset.MinValue;

    public Task WaitAsync(CancellationToken cancellationToken) => _semaphore.WaitAsync(cancellationToken);

    /// <summary>The holder left its scroll open on Intercom's side, which drops it at <paramref name="until"/>.</summary>
    public void Abandoned(DateTimeOffset until) => _abandonedUntil = until;

    /// <summary>Waits, while holding the turn, until the scroll left open by an earlier holder has expired.</summary>
    public async Task WaitForAbandonedAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var wait = _abandonedUntil - timeProvider.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        _abandonedUntil = DateTimeOffset.MinValue;
    }

    public void Release() => _semaphore.Release();

    public void Dispose() => _semaphore.Dispose();
}
