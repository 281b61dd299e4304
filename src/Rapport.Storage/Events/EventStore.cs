using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Rapport.Hub.Events;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Events;

internal sealed partial class EventStore(HubDatabase database) : IEventStore
{
    public Task<IReadOnlyList<EventOutcome>> RecordEventsAsync(IReadOnlyList<SourceEvent> batch, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => RecordEventsAsync(connection, transaction, batch, null, cancellationToken), null, cancellationToken);

    /// <param name="accounts">Per event, the external id of the account it names (or null), when events are attached to accounts.</param>
    private async Task<IReadOnlyList<EventOutcome>> RecordEventsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SourceEvent> batch, IReadOnlyList<string?>? accounts,
        CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        await UpsertEventNamesAsync(connection, transaction, batch, cancellationToken);
        var ignored = await IgnoredNamesAsync(connection, transaction, batch, cancellationToken);
        var users = await EventUsersAsync(connection, transaction, batch, cancellationToken);
        var attach = accounts is null ? null : await EventAccountsAsync(connection, transaction, batch, accounts, users, cancellationToken);

        var outcomes = new EventOutcome[batch.Count];
        var keys = new string?[batch.Count];
        var rows = new ValuesBuilder(
            database.Dialect,
            """
            INSERT INTO events (source, workspace, dedup_key, user_id, user_external_id, contact_source_id, name, occurred_at,
                metadata, received_at, account_id)
            """,
            ["{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", "{0}", database.Dialect.Json("{0}"), "{0}", "{0}"],
            "ON CONFLICT (source, dedup_key) DO NOTHING RETURNING dedup_key");
        var inBatch = new HashSet<string>(StringComparer.Ordinal);
        var now = database.Now();
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch[i];
            if (ignored.Contains(e.Name))
            {
                outcomes[i] = EventOutcome.Ignored;
            }
            else if (users.Resolve(e) is not { } user)
            {
                outcomes[i] = EventOutcome.UnknownUser;
            }
            else
            {
                var key = DedupKey(e.Workspace, user.ExternalId, e.Name, e.OccurredAt);
                keys[i] = key;
                outcomes[i] = EventOutcome.Duplicate;
                // PostgreSQL refuses one statement touching a conflicting row twice; a repeat within the batch is a duplicate anyway.
                if (inBatch.Add(key))
                {
                    rows.Add(
                        e.Source, e.Workspace, key, user.Id, user.ExternalId, e.ContactSourceId, e.Name,
                        database.Dialect.Time(SecondsOf(e.OccurredAt)), e.MetadataJson, now, attach?.Invoke(i, user.Id));
                }
            }
        }

        var inserted = rows.Count == 0
            ? []
            : (await rows.QueryStringsAsync(connection, transaction, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            // The first event of a key that the INSERT returned is the one stored; any repeat stays a duplicate.
            if (keys[i] is { } key && inserted.Remove(key))
            {
                outcomes[i] = EventOutcome.Stored;
            }
        }

        await CountEventOutcomesAsync(connection, transaction, batch, outcomes, cancellationToken);
        return outcomes;
    }

    public Task<EventName?> SetEventStatusAsync(string name, EventStatus status, string changedBy, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var seen = await connection.ExecuteScalarAsync<long>(Command(
                "SELECT COUNT(*) FROM event_names WHERE name = @name", new { name }, transaction, cancellationToken));
            if (seen == 0)
            {
                return null;
            }

            var parameters = new DynamicParameters(new { name, status = status.ToName(), changedBy });
            parameters.Add("now", database.Now());
            await connection.ExecuteAsync(Command(
                """
                INSERT INTO event_statuses (name, status, changed_by, changed_at) VALUES (@name, @status, @changedBy, @now)
                ON CONFLICT (name) DO UPDATE SET status = excluded.status, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                """, parameters, transaction, cancellationToken));
            return await ReadEventNameAsync(connection, transaction, name, cancellationToken);
        }, null, cancellationToken);

    public Task<int?> PurgeEventsAsync(string name, CancellationToken cancellationToken = default) =>
        database.WriteAsync<int?>(async (connection, transaction) =>
        {
            var status = await connection.QuerySingleOrDefaultAsync<string?>(Command(
                "SELECT status FROM event_statuses WHERE name = @name", new { name }, transaction, cancellationToken));
            if (status != EventStatus.Ignored.ToName())
            {
                return null;
            }

            // Source by source, so each delete reads the events_name index and each source's row counts what it lost.
            var total = 0;
            foreach (var source in await connection.QueryAsync<string>(Command(
                "SELECT source FROM event_names WHERE name = @name", new { name }, transaction, cancellationToken)))
            {
                var deleted = await connection.ExecuteAsync(Command(
                    "DELETE FROM events WHERE source = @source AND name = @name", new { source, name }, transaction, cancellationToken));
                await connection.ExecuteAsync(Command(
                    "UPDATE event_names SET purged_count = purged_count + @deleted WHERE source = @source AND name = @name",
                    new { source, name, deleted = (long)deleted }, transaction, cancellationToken));
                total += deleted;
            }

            return total;
        }, null, cancellationToken);

    /// <summary>Every name of the batch gets its row for its source; first and last seen widen to the batch's events.</summary>
    private async Task UpsertEventNamesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SourceEvent> batch, CancellationToken cancellationToken)
    {
        var names = new ValuesBuilder(
            database.Dialect,
            "INSERT INTO event_names (source, name, first_seen, last_seen)",
            ["{0}", "{0}", "{0}", "{0}"],
            """
            ON CONFLICT (source, name) DO UPDATE SET
                first_seen = CASE WHEN excluded.first_seen < event_names.first_seen THEN excluded.first_seen ELSE event_names.first_seen END,
                last_seen = CASE WHEN excluded.last_seen > event_names.last_seen THEN excluded.last_seen ELSE event_names.last_seen END
            """);
        foreach (var group in batch.GroupBy(e => (e.Source, e.Name)))
        {
            names.Add(
                group.Key.Source, group.Key.Name,
                database.Dialect.Time(SecondsOf(group.Min(e => e.OccurredAt))), database.Dialect.Time(SecondsOf(group.Max(e => e.OccurredAt))));
        }

        await names.ExecuteAsync(connection, transaction, cancellationToken);
    }

    /// <summary>The batch's ignored names: the status is the name's, so it holds whichever source delivers the event.</summary>
    private async Task<HashSet<string>> IgnoredNamesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SourceEvent> batch, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { status = EventStatus.Ignored.ToName() });
        parameters.Add("ids", database.Dialect.Ids(batch.Select(e => e.Name).Distinct(StringComparer.Ordinal)));
        var names = await connection.QueryAsync<string>(Command(
            $"SELECT name FROM event_statuses WHERE status = @status AND name {database.Dialect.InIds}", parameters, transaction, cancellationToken));
        return names.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The batch's users, found in two queries: by external id, and through the mirrored contacts.</summary>
    private async Task<EventUsers> EventUsersAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SourceEvent> batch, CancellationToken cancellationToken)
    {
        var users = new EventUsers();
        var externalIds = batch.Select(e => e.UserExternalId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (externalIds.Count > 0)
        {
            var parameters = new DynamicParameters();
            parameters.Add("ids", database.Dialect.Ids(externalIds));
            foreach (var (id, externalId) in await connection.QueryAsync<(long, string)>(Command(
                $"SELECT id, external_id FROM users WHERE external_id {database.Dialect.InIds}", parameters, transaction, cancellationToken)))
            {
                users.ByExternalId[externalId] = new EventUser(id, externalId);
            }
        }

        foreach (var source in batch.Where(e => e.ContactSourceId is not null).GroupBy(e => e.Source))
        {
            var parameters = new DynamicParameters(new { source = source.Key });
            parameters.Add("ids", database.Dialect.Ids(source.Select(e => e.ContactSourceId!).Distinct(StringComparer.Ordinal)));
            foreach (var (contactId, id, externalId) in await connection.QueryAsync<(string, long, string)>(Command(
                $"""
                SELECT sc.source_id, u.id, u.external_id FROM source_contacts sc JOIN users u ON u.external_id = sc.external_id
                WHERE sc.source = @source AND sc.source_id {database.Dialect.InIds}
                """, parameters, transaction, cancellationToken)))
            {
                users.ByContact[(source.Key, contactId)] = new EventUser(id, externalId);
            }
        }

        return users;
    }

    /// <summary>The names' counters move by what the batch did: one statement per name and outcome.</summary>
    private static async Task CountEventOutcomesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SourceEvent> batch, EventOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var counts = batch.Select((e, i) => (e.Source, e.Name, Outcome: outcomes[i]))
            .Where(x => x.Outcome != EventOutcome.Duplicate)
            .GroupBy(x => x);
        foreach (var group in counts)
        {
            var column = group.Key.Outcome switch
            {
                EventOutcome.Stored => "stored_count",
                EventOutcome.Ignored => "dropped_count",
                _ => "unmatched_count",
            };
            await connection.ExecuteAsync(Command(
                $"UPDATE event_names SET {column} = {column} + @n WHERE source = @Source AND name = @Name",
                new { group.Key.Source, group.Key.Name, n = (long)group.Count() }, transaction, cancellationToken));
        }
    }

    /// <summary>Intercom's key: workspace + contact + name + created_at in whole seconds, hashed to a fixed width.</summary>
    private static string DedupKey(string? workspace, string userExternalId, string name, DateTimeOffset occurredAt)
    {
        var text = string.Join('\u001f', workspace ?? "", userExternalId, name, occurredAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static DateTimeOffset SecondsOf(DateTimeOffset value) => DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());

    private sealed record EventUser(long Id, string ExternalId);

    private sealed class EventUsers
    {
        public Dictionary<string, EventUser> ByExternalId { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string Source, string ContactId), EventUser> ByContact { get; } = [];

        public EventUser? Resolve(SourceEvent e) =>
            e.UserExternalId is { } externalId && ByExternalId.TryGetValue(externalId, out var user) ? user
            : e.ContactSourceId is { } contactId && ByContact.TryGetValue((e.Source, contactId), out var byContact) ? byContact
            : null;
    }
}
