using Rapport.Hub.Team;
using Rapport.Intercom;

namespace Rapport.Application.Messaging;

/// <summary>
/// Who may send: a teammate's Intercom admin and its seat, for the signed-in teammate and for a playbook's sender alike.
/// Intercom's admin list is read at most every <see cref="Fresh"/> (it has no paging and rarely changes), so opening a
/// conversation, or a playbook sending to a thousand users, costs no API call most of the time; a seat taken away in Intercom
/// stops sends within that time.
/// </summary>
public sealed class MessagingSeats(ITeamStore store, IIntercomConnection connections, TimeProvider timeProvider)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _sync = new(1, 1);
    private (string Key, DateTimeOffset At, IReadOnlyList<IntercomAdmin> Admins)? _admins;

    /// <param name="teammateId">Null when nobody is signed in: they cannot send.</param>
    public async Task<SeatCheck> CheckAsync(long? teammateId, CancellationToken cancellationToken)
    {
        if (teammateId is not { } id)
            return new SeatCheck(null, "Sign in to send.");
        if (await store.FindTeammateAsync(id, cancellationToken) is not { } teammate)
            return new SeatCheck(null, $"There is no teammate with id {id}.");
        try
        {
            return SeatCheck.Of(teammate, await AdminsAsync(cancellationToken));
        }
        catch (IntercomException error)
        {
            return new SeatCheck(null, $"Intercom could not be asked for {teammate.Name}'s seat ({error.Message}); try again shortly.");
        }
    }

    /// <summary>Intercom's admins with their seats, or null when Intercom is not connected.</summary>
    /// <exception cref="IntercomException">Intercom could not be asked.</exception>
    public async Task<IReadOnlyList<IntercomAdmin>?> AdminsAsync(CancellationToken cancellationToken)
    {
        if (await connections.WorkspaceAsync(cancellationToken) is not { } workspace || await connections.ClientAsync(cancellationToken) is not { } client)
            return null;
        await _sync.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (_admins is { } cached && cached.Key == workspace.Key && now - cached.At < Fresh)
                return cached.Admins;
            var admins = await client.ListAdminsAsync(cancellationToken);
            _admins = (workspace.Key, now, admins);
            return admins;
        }
        finally
        {
            _sync.Release();
        }
    }
}
