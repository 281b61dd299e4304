using System.Data.Common;
using Dapper;
using Rapport.Hub.Sync;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Sync;

/// <summary>Checkpoints and settings in <c>sync_state</c>, import runs, and job holds (which the database core takes).</summary>
internal sealed partial class SyncStateStore(HubDatabase database) : ISyncStateStore
{
    public Task<IJobHold?> TryHoldJobAsync(HubJob job, CancellationToken cancellationToken = default) =>
        database.TryHoldJobAsync(job, cancellationToken);

    public Task<string?> GetSyncStateAsync(string key, CancellationToken cancellationToken = default) =>
        database.ReadSyncStateAsync(key, cancellationToken);

    public Task SetSyncStateAsync(string key, string? value, CancellationToken cancellationToken = default) =>
        database.SetSyncStateAsync(key, value, cancellationToken);


    public Task RecordImportRunAsync(ImportRunRecord run, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { run.RunId, run.Status, run.SummaryJson });
            parameters.Add("StartedAt", database.Dialect.Time(run.StartedAt));
            parameters.Add("FinishedAt", database.Dialect.Time(run.FinishedAt));
            return await connection.ExecuteAsync(Command(
                $"""
                INSERT INTO import_runs (run_id, started_at, finished_at, status, summary)
                VALUES (@RunId, @StartedAt, @FinishedAt, @Status, {database.Dialect.Json("@SummaryJson")})
                ON CONFLICT (run_id) DO UPDATE SET started_at = excluded.started_at, finished_at = excluded.finished_at,
                    status = excluded.status, summary = excluded.summary
                """, parameters, transaction, cancellationToken));
        }, null, cancellationToken);

    public async Task<IReadOnlyList<ImportRunRecord>> ListImportRunsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ImportRunRow>(Command(
            """
            SELECT run_id AS RunId, started_at AS StartedAt, finished_at AS FinishedAt, status AS Status, summary AS SummaryJson
            FROM import_runs ORDER BY started_at DESC, run_id DESC LIMIT @limit
            """, new { limit }, null, cancellationToken));
        return [.. rows.Select(r => new ImportRunRecord(
            r.RunId, r.StartedAt!.Value, r.FinishedAt, r.Status, r.SummaryJson))];
    }

    private sealed class ImportRunRow
    {
        public string RunId { get; set; } = "";
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }
        public string Status { get; set; } = "";
        public string SummaryJson { get; set; } = "";
    }
}
