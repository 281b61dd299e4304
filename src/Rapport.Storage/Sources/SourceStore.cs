using System.Data.Common;
using Dapper;
using Rapport.Hub.Sources;
using Rapport.Hub.Storage;
using Rapport.Storage.Content;
using Rapport.Storage.Database;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Sources;

internal sealed partial class SourceStore(HubDatabase database) : ISourceStore
{
    private HubDatabase Database => database;

    internal const string Active = "active";
    internal const string Inactive = "inactive";

    public Task<CompanyBatchResult> ApplyCompaniesAsync(
        IReadOnlyList<CompanyDecision> batch, string runId, SyncCheckpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        // The last word on a company within a batch wins, as it would have across two batches.
        var decisions = batch.GroupBy(d => (d.Company.Source, d.Company.SourceId)).Select(g => g.Last()).ToList();
        return database.WriteAsync((connection, transaction) =>
            new CompanyBatch(this, connection, transaction, runId, cancellationToken).ApplyAsync(decisions), checkpoint, cancellationToken);
    }

    public Task<int> DeactivateUnseenCompaniesAsync(string source, string runId, string reason, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { source, runId, reason });
            parameters.Add("now", database.Now());
            // content_hash is cleared so that the company, should it come back unchanged, is rewritten and its account revived.
            var gone = (await connection.QueryAsync<long>(Command(
                """
                UPDATE source_companies SET qualified = FALSE, reason = @reason, content_hash = NULL, written_at = @now
                WHERE source = @source AND (seen_run IS NULL OR seen_run <> @runId) AND qualified
                RETURNING account_id
                """, parameters, transaction, cancellationToken))).Distinct().ToList();
            var deactivated = 0;
            foreach (var accountId in gone)
            {
                deactivated += await DeactivateIfOrphanedAsync(connection, transaction, accountId, reason, cancellationToken);
            }

            return deactivated;
        }, null, cancellationToken);

    /// <summary>An account stays active while at least one source still qualifies it.</summary>
    private async Task<int> DeactivateIfOrphanedAsync(
        DbConnection connection, DbTransaction transaction, long accountId, string reason, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { accountId, reason });
        parameters.Add("now", database.Now());
        return await connection.ExecuteAsync(Command(
            """
            UPDATE accounts SET status = 'inactive', status_reason = @reason, updated_at = @now
            WHERE id = @accountId AND status = 'active'
              AND NOT EXISTS (SELECT 1 FROM source_companies sc WHERE sc.account_id = @accountId AND sc.qualified)
            """, parameters, transaction, cancellationToken));
    }

    private sealed class ExistingCompany
    {
        public string Source { get; set; } = "";
        public string SourceId { get; set; } = "";
        public long AccountId { get; set; }
        public string? ContentHash { get; set; }
    }

    private sealed class ExistingAccount
    {
        public long Id { get; set; }
        public string ExternalId { get; set; } = "";
        public string? Name { get; set; }
        public string Status { get; set; } = "";
    }
}
