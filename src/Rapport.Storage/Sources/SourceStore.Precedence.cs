using System.Data.Common;
using Dapper;
using Rapport.Hub.Sources;
using Rapport.Storage.Database;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Sources;

internal sealed partial class SourceStore
{
    public async Task<SourcePrecedence> GetSourcePrecedenceAsync(CancellationToken cancellationToken = default) =>
        SourcePrecedence.Parse(await database.ReadSyncStateAsync(SourcePrecedence.StateKey, cancellationToken));

    public Task SetSourcePrecedenceAsync(SourcePrecedence precedence, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await database.SaveSyncStateAsync(connection, transaction, SourcePrecedence.StateKey, precedence.ToJson(), cancellationToken);
            // One statement for every account: the name of its best-ranked record that has one (a qualified record first).
            var ranks = new DynamicParameters();
            var order = precedence.Order("name");
            var rank = string.Join(' ', order.Select((source, i) =>
            {
                ranks.Add($"source{i}", source);
                return $"WHEN @source{i} THEN {i}";
            }));
            ranks.Add("now", database.Now());
            return await connection.ExecuteAsync(Command(
                $"""
                UPDATE accounts SET name = (
                    SELECT sc.name FROM source_companies sc WHERE sc.account_id = accounts.id AND sc.name IS NOT NULL
                    ORDER BY sc.qualified DESC, CASE sc.source {rank} ELSE {order.Count} END, sc.source, sc.source_id LIMIT 1),
                    updated_at = @now
                WHERE EXISTS (SELECT 1 FROM source_companies sc WHERE sc.account_id = accounts.id AND sc.name IS NOT NULL)
                  AND name IS DISTINCT FROM (
                    SELECT sc.name FROM source_companies sc WHERE sc.account_id = accounts.id AND sc.name IS NOT NULL
                    ORDER BY sc.qualified DESC, CASE sc.source {rank} ELSE {order.Count} END, sc.source, sc.source_id LIMIT 1)
                """, ranks, transaction, cancellationToken));
        }, null, cancellationToken);

    /// <summary>
    /// The precedence as a batch of company writes sees it, and the named records each account already has: a group call
    /// from Segment does not rename an account whose Intercom company ranks first for its name.
    /// </summary>
    private async Task<(SourcePrecedence Precedence, ILookup<long, (string Source, string SourceId, string? Name)> Names)> ReadNamesAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<long> accountIds, CancellationToken cancellationToken)
    {
        var precedence = SourcePrecedence.Parse(await connection.QuerySingleOrDefaultAsync<string?>(Command(
            "SELECT value FROM sync_state WHERE key = @StateKey", new { SourcePrecedence.StateKey }, transaction, cancellationToken)));
        var rows = new List<(long AccountId, string Source, string SourceId, string? Name)>();
        foreach (var chunk in accountIds.Distinct().Chunk(InListChunk))
        {
            rows.AddRange(await connection.QueryAsync<(long, string, string, string?)>(Command(
                $"SELECT account_id, source, source_id, name FROM source_companies WHERE qualified AND account_id {database.Dialect.InIds}",
                new { ids = database.Dialect.Numbers(chunk) }, transaction, cancellationToken)));
        }

        return (precedence, rows.ToLookup(r => r.AccountId, r => (r.Source, r.SourceId, r.Name)));
    }
}
