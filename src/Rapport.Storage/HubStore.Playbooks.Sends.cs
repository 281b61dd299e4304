using Dapper;
using Rapport.Hub.Messaging;
using Rapport.Hub.Playbooks;

namespace Rapport.Storage;

internal abstract partial class HubStore
{
    public Task<OutboundSend?> QueuePlaybookSendAsync(long runId, OutboundRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync<OutboundSend?>(async (connection, transaction) =>
        {
            // PostgreSQL: the run is locked until commit, so a second node handling the same run waits, then finds it queued.
            var lockRun = Dialect.Provider == "postgresql" ? "FOR UPDATE" : "";
            var status = await connection.QuerySingleOrDefaultAsync<string>(Command(
                $"SELECT status FROM playbook_runs WHERE id = @runId {lockRun}", new { runId }, transaction, cancellationToken));
            if (status is not (PlaybookRunStatuses.Pending or PlaybookRunStatuses.Deferred))
                return null;
            var (send, _) = await InsertOutboundAsync(connection, transaction, request, cancellationToken);
            var parameters = new DynamicParameters(new { runId, sendId = send.Id });
            parameters.Add("now", Now());
            await connection.ExecuteAsync(Command(
                "UPDATE playbook_runs SET status = 'queued', reason = NULL, send_id = @sendId, not_before = NULL, updated_at = @now WHERE id = @runId",
                parameters, transaction, cancellationToken));
            return send;
        }, null, cancellationToken);
}
