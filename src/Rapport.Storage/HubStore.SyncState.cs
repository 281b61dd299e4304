using System.Data.Common;
using Dapper;
using Rapport.Hub.Storage;
using Rapport.Storage.Sql;

namespace Rapport.Storage;

internal abstract partial class HubStore
{
    public async Task<string?> GetSyncStateAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            Command("SELECT value FROM sync_state WHERE key = @key", new { key }, null, cancellationToken));
    }

    public Task SetSyncStateAsync(string key, string? value, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            await SaveSyncStateAsync(connection, transaction, key, value, cancellationToken);
            return 0;
        }, null, cancellationToken);

    private async Task SaveSyncStateAsync(
        DbConnection connection, DbTransaction transaction, string key, string? value, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { key, value });
        parameters.Add("now", Now());
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO sync_state (key, value, updated_at) VALUES (@key, @value, @now)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, parameters, transaction, cancellationToken));
    }

    public Task RecordImportRunAsync(ImportRunRecord run, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { run.RunId, run.Status, run.SummaryJson });
            parameters.Add("StartedAt", dialect.Time(run.StartedAt));
            parameters.Add("FinishedAt", dialect.Time(run.FinishedAt));
            return await connection.ExecuteAsync(Command(
                $"""
                INSERT INTO import_runs (run_id, started_at, finished_at, status, summary)
                VALUES (@RunId, @StartedAt, @FinishedAt, @Status, {dialect.Json("@SummaryJson")})
                ON CONFLICT (run_id) DO UPDATE SET started_at = excluded.started_at, finished_at = excluded.finished_at,
                    status = excluded.status, summary = excluded.summary
                """, parameters, transaction, cancellationToken));
        }, null, cancellationToken);

    public async Task<IReadOnlyList<ImportRunRecord>> ListImportRunsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportRunRow>(Command(
            """
            SELECT run_id AS RunId, started_at AS StartedAt, finished_at AS FinishedAt, status AS Status, summary AS SummaryJson
            FROM import_runs ORDER BY started_at DESC, run_id DESC LIMIT @limit
            """, new { limit }, null, cancellationToken));
        return [.. rows.Select(r => new ImportRunRecord(
            r.RunId, SqlDialect.ReadTime(r.StartedAt)!.Value, SqlDialect.ReadTime(r.FinishedAt), r.Status, r.SummaryJson))];
    }

    private sealed class ImportRunRow
    {
        public string RunId { get; set; } = "";
        public object? StartedAt { get; set; }
        public object? FinishedAt { get; set; }
        public string Status { get; set; } = "";
        public string SummaryJson { get; set; } = "";
    }
}
