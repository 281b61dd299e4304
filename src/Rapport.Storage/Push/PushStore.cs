using Dapper;
using Rapport.Hub.Push;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Push;

internal sealed partial class PushStore(HubDatabase database) : IPushStore
{
    public async Task<IReadOnlyList<PushTarget>> LoadPushTargetsAsync(
        string source, IReadOnlyCollection<long> accountIds, string? flag = null, CancellationToken cancellationToken = default)
    {
        var targets = new List<PushTarget>();
        var flagged = flag is null ? "0" : $"CASE WHEN {FlagIsTrue("c.custom_attributes")} THEN 1 ELSE 0 END";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in accountIds.Chunk(InListChunk))
        {
            var ids = database.Dialect.Numbers(chunk);
            var companies = await connection.QueryAsync<(long AccountId, string ExternalId, string SourceId)>(Command(
                $"""
                SELECT sc.account_id, a.external_id, sc.source_id FROM source_companies sc JOIN accounts a ON a.id = sc.account_id
                WHERE sc.source = @source AND sc.qualified = TRUE AND a.status = 'active' AND sc.account_id {database.Dialect.InIds}
                ORDER BY sc.account_id, sc.source_id
                """, new { source, ids }, null, cancellationToken));
            var parameters = new DynamicParameters(new { source, ids, flagKey = flag is null ? null : database.Dialect.JsonKey(flag) });
            var contacts = (await connection.QueryAsync<(long AccountId, string ContactId, string ExternalId, long Flagged)>(Command(
                $"""
                SELECT DISTINCT m.account_id, c.source_id, u.external_id, CAST({flagged} AS BIGINT)
                FROM memberships m JOIN users u ON u.id = m.user_id
                JOIN source_contacts c ON c.source = m.source AND c.external_id = u.external_id
                WHERE m.source = @source AND u.status = 'active' AND m.account_id {database.Dialect.InIds}
                ORDER BY m.account_id, c.source_id
                """, parameters, null, cancellationToken)))
                .ToLookup(row => row.AccountId, row => new PushContact(row.ContactId, row.ExternalId, row.Flagged != 0));
            targets.AddRange(companies.Select(c => new PushTarget(c.AccountId, c.ExternalId, c.SourceId, [.. contacts[c.AccountId]])));
        }

        return targets;
    }

    // Whether the JSON object holds true (the boolean, not the text "true") under the flag's name.
    private string FlagIsTrue(string json) => database.Dialect.JsonIsTrue(json, "@flagKey");

    public async Task<IReadOnlyDictionary<string, string>> GetPushSnapshotsAsync(
        string model, IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
    {
        var snapshots = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in Chunks(targetIds))
        {
            var rows = await connection.QueryAsync<(string TargetId, string Payload)>(Command(
                $"SELECT target_id, payload FROM push_snapshots WHERE model = @model AND target_id {database.Dialect.InIds}",
                new { model, ids = database.Dialect.Ids(chunk) }, null, cancellationToken));
            foreach (var (id, payload) in rows)
                snapshots[id] = payload;
        }

        return snapshots;
    }

    public Task SavePushSnapshotAsync(string model, string targetId, string valuesJson, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { model, targetId, valuesJson });
            parameters.Add("now", database.Now());
            return await connection.ExecuteAsync(Command(
                $"""
                INSERT INTO push_snapshots (model, target_id, payload, pushed_at) VALUES (@model, @targetId, {database.Dialect.Json("@valuesJson")}, @now)
                ON CONFLICT (model, target_id) DO UPDATE SET payload = excluded.payload, pushed_at = excluded.pushed_at
                """, parameters, transaction, cancellationToken));
        }, null, cancellationToken);

    public async Task<IReadOnlyList<PushedAttribute>> ListPushedAttributesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PushedAttributeRow>(Command(
            """
            SELECT model AS Model, name AS Name, data_type AS DataType, first_pushed_at AS FirstPushedAt, archived_at AS ArchivedAt
            FROM push_attributes ORDER BY model, name
            """, null, null, cancellationToken));
        return [.. rows.Select(r => new PushedAttribute(
            r.Model, r.Name, r.DataType, r.FirstPushedAt!.Value, r.ArchivedAt))];
    }

    public Task SavePushedAttributesAsync(IReadOnlyList<PushedAttribute> attributes, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var written = 0;
            foreach (var attribute in attributes)
            {
                var parameters = new DynamicParameters(new { attribute.Model, attribute.Name, attribute.DataType });
                parameters.Add("FirstPushedAt", database.Dialect.Time(attribute.FirstPushedAt));
                parameters.Add("ArchivedAt", database.Dialect.Time(attribute.ArchivedAt));
                written += await connection.ExecuteAsync(Command(
                    """
                    INSERT INTO push_attributes (model, name, data_type, first_pushed_at, archived_at)
                    VALUES (@Model, @Name, @DataType, @FirstPushedAt, @ArchivedAt)
                    ON CONFLICT (model, name) DO UPDATE SET archived_at = excluded.archived_at
                    """, parameters, transaction, cancellationToken));
            }

            return written;
        }, null, cancellationToken);

    public async Task<DateTimeOffset?> LastAccountStateComputedAtAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateTimeOffset?>(Command(
            "SELECT MAX(computed_at) FROM account_states", null, null, cancellationToken));
    }

    private sealed class PushedAttributeRow
    {
        public string Model { get; set; } = "";
        public string Name { get; set; } = "";
        public string DataType { get; set; } = "";
        public DateTimeOffset? FirstPushedAt { get; set; }
        public DateTimeOffset? ArchivedAt { get; set; }
    }
}
