using Dapper;
using Rapport.Storage.Messaging;
using Rapport.Hub.Messaging;
using Rapport.Hub.Playbooks;
using Rapport.Storage.Database;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Playbooks;

internal sealed partial class PlaybookStore
{
    public Task<OutboundSend?> QueuePlaybookSendAsync(long runId, OutboundRequest request, CancellationToken cancellationToken = default) =>
        database.WriteAsync<OutboundSend?>(async (connection, transaction) =>
        {
            // PostgreSQL: the run is locked until commit, so a second node handling the same run waits, then finds it queued.
            var status = await connection.QuerySingleOrDefaultAsync<string>(Command(
                $"SELECT status FROM playbook_runs WHERE id = @runId {database.Dialect.ForUpdate}", new { runId }, transaction, cancellationToken));
            if (status is not (PlaybookRunStatuses.Pending or PlaybookRunStatuses.Deferred))
                return null;
            var (send, _) = await outbound.InsertOutboundAsync(connection, transaction, request, cancellationToken);
            var parameters = new DynamicParameters(new { runId, sendId = send.Id });
            parameters.Add("now", database.Now());
            await connection.ExecuteAsync(Command(
                "UPDATE playbook_runs SET status = 'queued', reason = NULL, send_id = @sendId, not_before = NULL, updated_at = @now WHERE id = @runId",
                parameters, transaction, cancellationToken));
            return send;
        }, null, cancellationToken);

    public async Task<PlaybookRun?> GetPlaybookRunBySendAsync(long sendId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(Command(
            $"SELECT {RunColumns} FROM playbook_runs r LEFT JOIN outbound_sends s ON s.id = r.send_id WHERE r.send_id = @sendId",
            new { sendId }, null, cancellationToken));
        return row?.ToRun();
    }

    public Task<bool> HoldPlaybookSendAsync(long sendId, DateTimeOffset until, string reason, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { sendId, reason });
            parameters.Add("until", database.Dialect.Time(until));
            // Not tried, so this claim is no attempt: Attempts still says whether an earlier one may have reached Intercom.
            var held = await connection.ExecuteAsync(Command(
                """
                UPDATE outbound_sends SET status = 'queued', held_until = @until, attempts = attempts - 1, claimed_until = NULL
                WHERE id = @sendId AND status = 'sending'
                """, parameters, transaction, cancellationToken)) > 0;
            // The run keeps its status and time (the cap counts it as queued): only why it waits changes.
            if (held)
            {
                await connection.ExecuteAsync(Command(
                    "UPDATE playbook_runs SET reason = @reason, not_before = @until WHERE send_id = @sendId", parameters, transaction, cancellationToken));
            }

            return held;
        }, null, cancellationToken);
}
