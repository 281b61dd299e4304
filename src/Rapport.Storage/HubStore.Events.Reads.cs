using System.Data.Common;
using Dapper;
using Rapport.Hub.Events;
using Rapport.Storage.Sql;

namespace Rapport.Storage;

internal abstract partial class HubStore
{
    private const string EventNameColumns =
        """
        source AS Source, name AS Name, status AS Status, first_seen AS FirstSeen, last_seen AS LastSeen,
        stored_count AS StoredCount, dropped_count AS DroppedCount, unmatched_count AS UnmatchedCount,
        purged_count AS PurgedCount, status_changed_by AS StatusChangedBy, status_changed_at AS StatusChangedAt
        """;

    private const string StoredEventSelect =
        """
        SELECT e.id AS Id, e.source AS Source, e.name AS Name, e.occurred_at AS OccurredAt, u.id AS UserId,
            u.external_id AS UserExternalId, u.name AS UserName, u.email AS UserEmail, e.metadata AS Metadata
        FROM events e JOIN users u ON u.id = e.user_id
        """;

    public async Task<IReadOnlyList<EventName>> ListEventNamesAsync(string source, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventNameRow>(Command(
            $"SELECT {EventNameColumns} FROM event_names WHERE source = @source ORDER BY name", new { source }, null, cancellationToken));
        return [.. rows.Select(r => r.ToEventName())];
    }

    public async Task<EventName?> FindEventNameAsync(string source, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ReadEventNameAsync(connection, null, source, name, cancellationToken);
    }

    // The index on (user_id, occurred_at, id) serves both: one user's range read backwards, or each member's range merged.
    public Task<IReadOnlyList<StoredEvent>> ListUserEventsAsync(long userId, int limit, CancellationToken cancellationToken = default) =>
        ListEventsAsync("e.user_id = @key", userId, limit, cancellationToken);

    // The account model's rule (LoadChunkAsync): an event that names its account (Segment's context.groupId, or the user's
    // most recent account when it arrived) belongs to that account alone; one that names none (Intercom's) to every
    // account of its user. Each branch is read newest first up to the limit on its own index, then the two are merged.
    public Task<IReadOnlyList<StoredEvent>> ListAccountEventsAsync(long accountId, int limit, CancellationToken cancellationToken = default) =>
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
            """, accountId, limit, cancellationToken);

    private async Task<IReadOnlyList<StoredEvent>> ListEventsAsync(string where, long key, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredEventRow>(Command(
            $"{StoredEventSelect} WHERE {where} ORDER BY e.occurred_at DESC, e.id DESC LIMIT @limit",
            new { key, limit }, null, cancellationToken));
        return [.. rows.Select(r => r.ToStoredEvent())];
    }

    private static async Task<EventName?> ReadEventNameAsync(
        DbConnection connection, DbTransaction? transaction, string source, string name, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<EventNameRow>(Command(
            $"SELECT {EventNameColumns} FROM event_names WHERE source = @source AND name = @name",
            new { source, name }, transaction, cancellationToken)))?.ToEventName();

    private sealed class EventNameRow
    {
        public string Source { get; set; } = "";
        public string Name { get; set; } = "";
        public string Status { get; set; } = "";
        public object? FirstSeen { get; set; }
        public object? LastSeen { get; set; }
        public long StoredCount { get; set; }
        public long DroppedCount { get; set; }
        public long UnmatchedCount { get; set; }
        public long PurgedCount { get; set; }
        public string? StatusChangedBy { get; set; }
        public object? StatusChangedAt { get; set; }

        public EventName ToEventName() => new(
            Source, Name, EventStatuses.TryParse(Status, out var status) ? status : EventStatus.Tracked,
            SqlDialect.ReadTime(FirstSeen)!.Value, SqlDialect.ReadTime(LastSeen)!.Value, StoredCount, DroppedCount, UnmatchedCount,
            PurgedCount, StatusChangedBy, SqlDialect.ReadTime(StatusChangedAt));
    }

    private sealed class StoredEventRow
    {
        public long Id { get; set; }
        public string Source { get; set; } = "";
        public string Name { get; set; } = "";
        public object? OccurredAt { get; set; }
        public long UserId { get; set; }
        public string UserExternalId { get; set; } = "";
        public string? UserName { get; set; }
        public string? UserEmail { get; set; }
        public string Metadata { get; set; } = "{}";

        public StoredEvent ToStoredEvent() => new(
            Id, Source, Name, SqlDialect.ReadTime(OccurredAt)!.Value, UserId, UserExternalId, UserName, UserEmail, Metadata);
    }
}
