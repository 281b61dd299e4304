using System.Data.Common;
using System.Text.Json;
using Dapper;
using Rapport.Hub.Accounts;
using Rapport.Hub.Model;
using Rapport.Hub.Rules;
using Rapport.Hub.Sources;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Model;

internal sealed partial class ModelStore
{
    /// <summary>Accounts per round of queries: every query below reads the whole chunk at once, never one account.</summary>
    private const int InputsChunk = 500;

    public async Task<IReadOnlyList<IAccountInputs>> LoadAccountInputsAsync(
        IReadOnlyCollection<long> accountIds, IReadOnlyCollection<string> eventNames, CancellationToken cancellationToken = default)
    {
        var loaded = new List<IAccountInputs>(accountIds.Count);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginSnapshotAsync(connection, cancellationToken);
        var precedence = SourcePrecedence.Parse(await connection.QuerySingleOrDefaultAsync<string?>(Command(
            "SELECT value FROM sync_state WHERE key = @StateKey", new { SourcePrecedence.StateKey }, transaction, cancellationToken)));
        foreach (var chunk in accountIds.Distinct().Chunk(InputsChunk))
            loaded.AddRange(await LoadChunkAsync(connection, transaction, chunk, eventNames, precedence, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return loaded;
    }

    private async Task<IEnumerable<IAccountInputs>> LoadChunkAsync(
        DbConnection connection, DbTransaction transaction, long[] chunk, IReadOnlyCollection<string> eventNames, SourcePrecedence precedence,
        CancellationToken cancellationToken)
    {
        var ids = new { ids = database.Dialect.Numbers(chunk) };
        Task<IEnumerable<T>> Query<T>(string sql, object? parameters = null) =>
            connection.QueryAsync<T>(Command(sql, parameters ?? ids, transaction, cancellationToken));

        var accounts = await Query<ModelAccountRow>(
            $"""
            SELECT id AS Id, external_id AS ExternalId, name AS Name, status AS Status, created_at AS CreatedAt, list_user_count AS UserCount
            FROM accounts WHERE id {database.Dialect.InIds}
            """);
        var companies = (await Query<ModelCompanyRow>(
            $"""
            SELECT account_id AS AccountId, source AS Source, name AS Name, plan AS Plan, monthly_spend AS MonthlySpend,
                user_count AS UserCount, session_count AS SessionCount, size AS Size, industry AS Industry, website AS Website,
                source_created_at AS CreatedAt, last_seen_at AS LastSeenAt, custom_attributes AS CustomAttributesJson, qualified AS Qualified
            FROM source_companies WHERE account_id {database.Dialect.InIds}
            ORDER BY account_id, qualified, source DESC, source_id DESC
            """)).ToLookup(r => r.AccountId);
        var tags = (await Query<(long AccountId, string Tag)>(
            $"""
            SELECT DISTINCT s.account_id, t.tag FROM source_company_tags t
            JOIN source_companies s ON s.source = t.source AND s.source_id = t.source_id WHERE s.account_id {database.Dialect.InIds}
            """)).ToLookup(r => r.AccountId, r => r.Tag);
        var segments = (await Query<(long AccountId, string Segment)>(
            $"""
            SELECT DISTINCT s.account_id, g.segment FROM source_company_segments g
            JOIN source_companies s ON s.source = g.source AND s.source_id = g.source_id WHERE s.account_id {database.Dialect.InIds}
            """)).ToLookup(r => r.AccountId, r => r.Segment);
        var users = (await Query<(long AccountId, string UserId)>(
            $"SELECT DISTINCT m.account_id, u.external_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.account_id {database.Dialect.InIds}"))
            .ToLookup(r => r.AccountId, r => r.UserId);
        // An event that names its account (Segment's context.groupId, or the user's most recent account when it arrived)
        // counts for that account alone; one that names none (Intercom's) counts for every account of its user.
        var lastEvents = (await Query<(long AccountId, DateTimeOffset? At)>(
            $"""
            SELECT account_id, MAX(at) FROM (
                SELECT m.account_id, (SELECT MAX(e.occurred_at) FROM events e WHERE e.user_id = m.user_id AND e.account_id IS NULL) AS at
                FROM memberships m WHERE m.account_id {database.Dialect.InIds}
                UNION ALL
                SELECT e.account_id, MAX(e.occurred_at) FROM events e WHERE e.account_id {database.Dialect.InIds} GROUP BY e.account_id
            ) last GROUP BY account_id
            """)).ToDictionary(r => r.AccountId, r => r.At);
        var events = (await Query<ModelEventRow>(
            $"""
            SELECT m.account_id AS AccountId, e.name AS Name, e.user_external_id AS UserId, e.occurred_at AS OccurredAt
            FROM (SELECT DISTINCT account_id, user_id FROM memberships WHERE account_id {database.Dialect.InIds}) m
            JOIN events e ON e.user_id = m.user_id
            WHERE e.account_id IS NULL AND e.name {database.Dialect.In("@names")}
            UNION ALL
            SELECT e.account_id, e.name, e.user_external_id, e.occurred_at FROM events e
            WHERE e.account_id {database.Dialect.InIds} AND e.name {database.Dialect.In("@names")}
            """, new { ids = ids.ids, names = database.Dialect.Ids(eventNames) })).ToLookup(r => r.AccountId);
        var overrides = await ReadOverridesAsync(connection, transaction, chunk, cancellationToken);

        return accounts.Select(account =>
        {
            var sources = companies[account.Id].ToList();
            var inputs = new AccountInputs(new AccountId(account.Id))
            {
                Tags = [.. tags[account.Id].Order(StringComparer.Ordinal)],
                SourceSegments = [.. segments[account.Id].Order(StringComparer.Ordinal)],
                UserIds = [.. users[account.Id]],
                LastSeenAt = sources.Select(s => s.LastSeenAt).Max(),
                Events = [.. events[account.Id].Select(e => new AccountEvent(e.Name, e.UserId, e.OccurredAt!.Value))],
            }.WithOverrides(overrides.GetValueOrDefault(account.Id));
            // Rows come primary record last, so its values win where several records of one source disagree.
            foreach (var company in sources)
                company.AddTraits(inputs.Traits);
            account.AddFields(inputs.Fields, sources, precedence);
            inputs.Fields["last_seen_at"] = inputs.LastSeenAt;
            return (IAccountInputs)new StoredAccountInputs(inputs, lastEvents.GetValueOrDefault(account.Id));
        }).ToList();
    }

    private sealed class ModelAccountRow
    {
        public long Id { get; set; }
        public string ExternalId { get; set; } = "";
        public string? Name { get; set; }
        public string Status { get; set; } = "";
        public DateTimeOffset? CreatedAt { get; set; }
        public long UserCount { get; set; }

        /// <summary>The unified fields from the record the precedence ranks first among those with a value.</summary>
        public void AddFields(Dictionary<string, FieldValue> fields, List<ModelCompanyRow> sources, SourcePrecedence precedence)
        {
            var records = sources.Any(s => s.Qualified) ? sources.Where(s => s.Qualified).ToList() : sources;
            T? Pick<T>(string field, Func<ModelCompanyRow, T?> value) => precedence.Pick(field, records.Select(s => (s.Source, value(s)))).Value;

            fields["name"] = Name;
            fields["external_id"] = ExternalId;
            fields["status"] = Status;
            fields["created_at"] = CreatedAt;
            fields["user_count"] = UserCount;
            fields["plan"] = Pick("plan", s => s.Plan);
            fields["industry"] = Pick("industry", s => s.Industry);
            fields["size"] = Pick("size", s => s.Size);
            fields["website"] = Pick("website", s => s.Website);
        }
    }

    private sealed class ModelCompanyRow
    {
        public long AccountId { get; set; }
        public string Source { get; set; } = "";
        public string? Name { get; set; }
        public string? Plan { get; set; }
        public decimal? MonthlySpend { get; set; }
        public long? UserCount { get; set; }
        public long? SessionCount { get; set; }
        public long? Size { get; set; }
        public string? Industry { get; set; }
        public string? Website { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? LastSeenAt { get; set; }
        public string CustomAttributesJson { get; set; } = "{}";
        public bool Qualified { get; set; }

        /// <summary>Custom attributes first, then the standard fields, which a custom attribute of the same name cannot shadow.</summary>
        public void AddTraits(Dictionary<string, FieldValue> traits)
        {
            using (var document = JsonDocument.Parse(CustomAttributesJson))
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var attribute in document.RootElement.EnumerateObject())
                        traits[$"{Source}.{attribute.Name}"] = FieldValue.FromJson(attribute.Value);
                }
            }

            traits[$"{Source}.name"] = Name;
            traits[$"{Source}.plan"] = Plan;
            traits[$"{Source}.monthly_spend"] = MonthlySpend;
            traits[$"{Source}.user_count"] = UserCount;
            traits[$"{Source}.session_count"] = SessionCount;
            traits[$"{Source}.size"] = Size;
            traits[$"{Source}.industry"] = Industry;
            traits[$"{Source}.website"] = Website;
            traits[$"{Source}.created_at"] = CreatedAt;
            traits[$"{Source}.last_seen_at"] = LastSeenAt;
        }
    }

    private sealed class ModelEventRow
    {
        public long AccountId { get; set; }
        public string Name { get; set; } = "";
        public string UserId { get; set; } = "";
        public DateTimeOffset? OccurredAt { get; set; }
    }
}
