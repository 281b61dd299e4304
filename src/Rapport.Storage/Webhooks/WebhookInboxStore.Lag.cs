using Dapper;
using Rapport.Hub.Webhooks;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Webhooks;

internal sealed partial class WebhookInboxStore
{
    public async Task<InboxLag> MeasureInboxLagAsync(DateTimeOffset appliedSince, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters();
        parameters.Add("since", database.Dialect.Time(appliedSince));
        // The oldest waiting row comes from the pending index in id (= arrival) order; the other two read the applied rows.
        var row = await connection.QuerySingleAsync<InboxLagRow>(Command(
            """
            SELECT
                (SELECT COUNT(*) FROM webhook_inbox WHERE applied_at >= @since) AS AppliedSince,
                (SELECT received_at FROM webhook_inbox WHERE applied_at IS NULL AND error IS NULL ORDER BY id LIMIT 1) AS OldestWaiting,
                (SELECT received_at FROM webhook_inbox WHERE applied_at IS NOT NULL ORDER BY applied_at DESC, id DESC LIMIT 1) AS LastReceived,
                (SELECT MAX(applied_at) FROM webhook_inbox) AS LastApplied
            """, parameters, null, cancellationToken));
        return new InboxLag(
            row.AppliedSince, row.OldestWaiting, row.LastReceived, row.LastApplied);
    }

    private sealed class InboxLagRow
    {
        public long AppliedSince { get; set; }
        public DateTimeOffset? OldestWaiting { get; set; }
        public DateTimeOffset? LastReceived { get; set; }
        public DateTimeOffset? LastApplied { get; set; }
    }
}
