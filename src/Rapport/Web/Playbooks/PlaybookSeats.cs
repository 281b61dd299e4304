using Rapport.Hub.Storage;
using Rapport.Intercom;
using Rapport.Sync.Messaging;
using Rapport.Web.Integration;

namespace Rapport.Web.Playbooks;

/// <summary>A playbook's sending teammate and their seat: checked at save and again before every send (a seat can be taken away).</summary>
internal sealed class PlaybookSeats(IHubStore store, IntercomConnections connections)
{
    public async Task<SeatCheck> CheckAsync(long teammateId, CancellationToken cancellationToken)
    {
        if (await store.FindTeammateAsync(teammateId, cancellationToken) is not { } teammate)
            return new SeatCheck(null, $"There is no teammate with id {teammateId}.");
        if (await connections.ClientAsync(cancellationToken) is not { } client)
            return SeatCheck.Of(teammate, null);
        try
        {
            return SeatCheck.Of(teammate, await client.ListAdminsAsync(cancellationToken));
        }
        catch (IntercomException error)
        {
            return new SeatCheck(null, $"Intercom could not be asked for {teammate.Name}'s seat ({error.Message}); try again shortly.");
        }
    }
}
