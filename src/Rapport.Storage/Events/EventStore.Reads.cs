using System.Data.Common;
using Dapper;
using Rapport.Hub.Accounts;
using Rapport.Hub.Events;
using Rapport.Hub.Users;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Events;

internal sealed partial class EventStore
{
    // One row per source that delivered a name, with the name's status (none set: tracked); EventNameRow.Combine folds
    // them into one EventName per name.
    private const string EventNameSelect =
        """
        SELECT n.source AS Source, n.name AS Name, s.status AS Status, n.first_seen AS FirstSeen, n.last_seen AS LastSeen,
            n.stored_count AS StoredCount, n.dropped_count AS DroppedCount, n.unmatched_count AS UnmatchedCount,
            n.purged_count AS PurgedCount, s.changed_by AS StatusChangedBy, s.changed_at AS StatusChangedAt
        FROM event_names n LEFT JOIN event_statuses s ON s.name = n.name
        """;

    private const string StoredEventSelect =
        """
        SELECT e.id AS Id, e.source AS Source, e.name AS Name, e.occurred_at AS OccurredAt, u.id AS UserId,
            u.external_id AS UserExternalId, u.name AS UserName, u.email AS UserEmail, e.metadata AS Metadata
        FROM events e JOIN users u ON u.id = e.user_id
        """;

    public async Task<IReadOnlyList<EventName>> ListEventNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventNameRow>(Command($"{EventNameSelect} ORDER BY n.name, n.source", null, null, cancellationToken));
        return EventNameRow.Combine(rows);
    }

    public async Task<EventName?> FindEventNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadEventNameAsync(connection, null, name, cancellationToken);
    }

    // The index on (user_id, occurred_at, id) serves both: one user's range read backwards, or each member's range merged.
    public Task<IReadOnlyList<StoredEvent>> ListUserEventsAsync(UserId userId, int limit, CancellationToken cancellationToken = default) =>
        ListEventsAsync("e.user_id = @key", userId.Value, limit, cancellationToken);

    // The account model's rule (LoadChunkAsync): an event that names its account (Segment's context.groupId, or the user's
    // most recent account when it arrived) belongs to that account alone; one that names none (Intercom's) to every
    // account of its user. Each branch is read newest first up to the limit on its own index, then the two are merged.
    public Task<IReadOnlyList<StoredEvent>> ListAccountEventsAsync(AccountId accountId, int limit, CancellationToken cancellationToken = default) =>
        ListEventsAsync(
            """
            e.id IN (
                SELECT id FROM (
                    SELECT n.id FROM events n WHERE n.account_id = @key ORDER BY n.occurred_at DESC, n.id DESC LIMIT @limit) named
                UNION ALL
                SELECT id FROM (
                    SELECT a.id FROM events a
                    WHERE a.account_id IS NULL AND a.user_id IN (SELECT m.user_id FROM memberships m WHERE m.account_id = @key)
                    ORDER BY a.occurred_at DESC, a.id DESC LIMIT @limit) unnamed)
            """, accountId.Value, limit, cancellationToken);

    private async Task<IReadOnlyList<StoredEvent>> ListEventsAsync(string where, long key, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredEventRow>(Command(
            $"{StoredEventSelect} WHERE {where} ORDER BY e.occurred_at DESC, e.id DESC LIMIT @limit",
            new { key, limit }, null, cancellationToken));
        return [.. rows.Select(r => r.ToStoredEvent())];
    }

    private static async Task<EventName?> ReadEventNameAsync(
        DbConnection connection, DbTransaction? transaction, string name, CancellationToken cancellationToken) =>
        EventNameRow.Combine(await connection.QueryAsync<EventNameRow>(Command(
            $"{EventNameSelect} WHERE n.name = @name ORDER BY n.source", new { name }, transaction, cancellationToken))).SingleOrDefault();

    private sealed class EventNameRow
    {
        public string Source { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Status { get; set; }
        public DateTimeOffset? FirstSeen { get; set; }
        public DateTimeOffset? LastSeen { get; set; }
        public long StoredCount { get; set; }
        public long DroppedCount { get; set; }
        public long UnmatchedCount { get; set; }
        public long PurgedCount { get; set; }
        public string? StatusChangedBy { get; set; }
        public DateTimeOffset? StatusChangedAt { get; set; }

        /// <summary>Rows ordered by name, one per source, as one <see cref="EventName"/> per name in that order.</summary>
        public static IReadOnlyList<EventName> Combine(IEnumerable<EventNameRow> rows) =>
            [.. rows.GroupBy(r => r.Name, StringComparer.Ordinal).Select(name =>
            {
                var first = name.First();
                return new EventName(
                    name.Key, EventStatuses.TryParse(first.Status, out var status) ? status : EventStatus.Tracked,
                    [.. name.Select(r => r.ToSource())], first.StatusChangedBy, first.StatusChangedAt);
            })];

        private EventNameSource ToSource() => new(
            Source, FirstSeen!.Value, LastSeen!.Value, StoredCount, DroppedCount, UnmatchedCount, PurgedCount);
    }

    private sealed class StoredEventRow
    {
        public long Id { get; set; }
        public string Source { get; set; } = "";
        public string Name { get; set; } = "";
        public DateTimeOffset? OccurredAt { get; set; }
        public long UserId { get; set; }
        public string UserExternalId { get; set; } = "";
        public string? UserName { get; set; }
        public string? UserEmail { get; set; }
        public string Metadata { get; set; } = "{}";

        public StoredEvent ToStoredEvent() => new(
            Id, Source, Name, OccurredAt!.Value, UserId, UserExternalId, UserName, UserEmail, Metadata);
    }
}
