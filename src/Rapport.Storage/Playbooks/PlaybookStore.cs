using System.Text.Json;
using Dapper;
using Rapport.Storage.Messaging;
using Rapport.Hub.Playbooks;
using Rapport.Hub.Users;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Playbooks;

internal sealed partial class PlaybookStore(HubDatabase database, OutboundStore outbound) : IPlaybookStore
{
    private const string RunColumns =
        """
        r.id AS Id, r.playbook_id AS PlaybookId, r.occurrence_key AS OccurrenceKey, r.user_id AS UserId, r.account_id AS AccountId,
        r.status AS Status, r.reason AS Reason, r.send_id AS SendId, s.intercom_id AS IntercomId, r.not_before AS NotBefore,
        r.created_at AS CreatedAt, r.updated_at AS UpdatedAt
        """;

    public Task<Playbook?> SavePlaybookAsync(Playbook playbook, CancellationToken cancellationToken = default) =>
        database.WriteAsync<Playbook?>(async (connection, transaction) =>
        {
            ArgumentNullException.ThrowIfNull(playbook);
            var parameters = new DynamicParameters(new
            {
                playbook.Id,
                playbook.Name,
                playbook.Enabled,
                playbook.EventCursor,
                definition = JsonSerializer.Serialize(playbook, PlaybookJsonContext.Default.Playbook),
            });
            parameters.Add("now", database.Now());
            var id = playbook.Id == 0
                ? await connection.ExecuteScalarAsync<long>(Command(
                    "INSERT INTO playbooks (name, definition, enabled, event_cursor, updated_at) VALUES (@Name, @definition, @Enabled, @EventCursor, @now) RETURNING id",
                    parameters, transaction, cancellationToken))
                : await connection.ExecuteAsync(Command(
                    "UPDATE playbooks SET name = @Name, definition = @definition, enabled = @Enabled, updated_at = @now WHERE id = @Id",
                    parameters, transaction, cancellationToken)) == 0 ? 0 : playbook.Id;
            return id == 0 ? null : await ReadPlaybookAsync(connection, transaction, id, cancellationToken);
        }, null, cancellationToken);

    public async Task<Playbook?> GetPlaybookAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadPlaybookAsync(connection, null, id, cancellationToken);
    }

    public async Task<IReadOnlyList<Playbook>> ListPlaybooksAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<PlaybookRow>(Command(
            "SELECT id AS Id, definition AS Definition, event_cursor AS EventCursor, updated_at AS UpdatedAt FROM playbooks ORDER BY id", null, null, cancellationToken));
        return [.. rows.Select(r => r.ToPlaybook())];
    }

    public Task<bool> DeletePlaybookAsync(long id, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(Command("DELETE FROM playbook_runs WHERE playbook_id = @id", new { id }, transaction, cancellationToken));
            return await connection.ExecuteAsync(Command("DELETE FROM playbooks WHERE id = @id", new { id }, transaction, cancellationToken)) > 0;
        }, null, cancellationToken);

    public Task<int> AddPlaybookRunsAsync(IReadOnlyList<PlaybookRunRequest> runs, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var added = 0;
            foreach (var run in runs)
            {
                var parameters = new DynamicParameters(new { run.PlaybookId, run.OccurrenceKey, run.UserId, run.AccountId });
                parameters.Add("now", database.Now());
                added += await connection.ExecuteAsync(Command(
                    """
                    INSERT INTO playbook_runs (playbook_id, occurrence_key, user_id, account_id, status, created_at, updated_at)
                    VALUES (@PlaybookId, @OccurrenceKey, @UserId, @AccountId, 'pending', @now, @now)
                    ON CONFLICT (playbook_id, occurrence_key, user_id) DO NOTHING
                    """, parameters, transaction, cancellationToken));
            }

            return added;
        }, null, cancellationToken);

    public async Task<IReadOnlyList<PlaybookRun>> ListDuePlaybookRunsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { limit });
        parameters.Add("now", database.Dialect.Time(now));
        var rows = await connection.QueryAsync<RunRow>(Command(
            $"""
            SELECT {RunColumns} FROM playbook_runs r LEFT JOIN outbound_sends s ON s.id = r.send_id
            WHERE r.status = 'pending' OR (r.status = 'deferred' AND r.not_before <= @now)
            ORDER BY r.id LIMIT @limit
            """, parameters, null, cancellationToken));
        return [.. rows.Select(r => r.ToRun())];
    }

    public Task<int> ReleaseDeferredPlaybookRunsAsync(long playbookId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var runs = await connection.ExecuteAsync(Command(
                "UPDATE playbook_runs SET status = 'pending', not_before = NULL WHERE playbook_id = @playbookId AND status = 'deferred'",
                new { playbookId }, transaction, cancellationToken));
            // Sends the sender held for quiet hours go back to it now, to be held again, sent, or refused under the new settings.
            var sends = await connection.ExecuteAsync(Command(
                """
                UPDATE outbound_sends SET held_until = NULL
                WHERE status = 'queued' AND held_until IS NOT NULL
                  AND id IN (SELECT send_id FROM playbook_runs WHERE playbook_id = @playbookId AND send_id IS NOT NULL)
                """, new { playbookId }, transaction, cancellationToken));
            return runs + sends;
        }, null, cancellationToken);

    public Task UpdatePlaybookRunAsync(long id, string status, string? reason, long? sendId, DateTimeOffset? notBefore, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { id, status, reason, sendId });
        parameters.Add("notBefore", database.Dialect.Time(notBefore));
        parameters.Add("now", database.Now());
        return database.ChangeOneAsync(
            "UPDATE playbook_runs SET status = @status, reason = @reason, send_id = @sendId, not_before = @notBefore, updated_at = @now WHERE id = @id",
            parameters, cancellationToken);
    }

    public async Task<IReadOnlyList<PlaybookRun>> ListPlaybookRunsAsync(long playbookId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RunRow>(Command(
            $"SELECT {RunColumns} FROM playbook_runs r LEFT JOIN outbound_sends s ON s.id = r.send_id WHERE r.playbook_id = @playbookId ORDER BY r.id DESC LIMIT @limit",
            new { playbookId, limit }, null, cancellationToken));
        return [.. rows.Select(r => r.ToRun())];
    }

    public async Task<int> CountPlaybookSendsAsync(long playbookId, UserId userId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { playbookId, userId = userId.Value });
        parameters.Add("since", database.Dialect.Time(since));
        return await connection.ExecuteScalarAsync<int>(Command(
            "SELECT count(*) FROM playbook_runs WHERE playbook_id = @playbookId AND user_id = @userId AND status = 'queued' AND updated_at >= @since",
            parameters, null, cancellationToken));
    }

    public async Task<IReadOnlyList<(long EventId, long UserId)>> ListEventsAfterAsync(string name, long afterId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long, long)>(Command(
            "SELECT id, user_id FROM events WHERE name = @name AND id > @afterId ORDER BY id LIMIT @limit", new { name, afterId, limit }, null, cancellationToken));
        return [.. rows];
    }

    public async Task<long> MaxEventIdAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(Command("SELECT max(id) FROM events", null, null, cancellationToken)) ?? 0;
    }

    public Task SetPlaybookEventCursorAsync(long id, long eventCursor, CancellationToken cancellationToken = default) =>
        database.ChangeOneAsync("UPDATE playbooks SET event_cursor = @eventCursor WHERE id = @id AND event_cursor < @eventCursor",
            new DynamicParameters(new { id, eventCursor }), cancellationToken);

    public async Task<IReadOnlyList<(long UserId, DateTimeOffset LastSeen)>> ListUsersLastSeenBeforeAsync(
        DateTimeOffset before, int limit, long? withoutRunOf = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { limit, playbookId = withoutRunOf ?? 0 });
        parameters.Add("before", database.Dialect.Time(before));
        // A run made since the user was last seen is this absence's: they are not listed again until seen and gone again.
        var unrecorded = withoutRunOf is null ? "" :
            "AND NOT EXISTS (SELECT 1 FROM playbook_runs r WHERE r.playbook_id = @playbookId AND r.user_id = a.id AND r.created_at >= a.seen)";
        var rows = await connection.QueryAsync<(long UserId, DateTimeOffset? LastSeen)>(Command(
            $"""
            SELECT a.id, a.seen FROM (
                SELECT u.id AS id, max(c.last_seen_at) AS seen
                FROM users u JOIN source_contacts c ON c.external_id = u.external_id AND c.source = 'intercom'
                WHERE u.status = 'active' AND c.last_seen_at IS NOT NULL
                GROUP BY u.id) a
            WHERE a.seen < @before {unrecorded}
            ORDER BY a.id LIMIT @limit
            """, parameters, null, cancellationToken));
        return [.. rows.Select(r => (r.UserId, r.LastSeen ?? DateTimeOffset.UnixEpoch))];
    }

    private async Task<Playbook?> ReadPlaybookAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, long id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<PlaybookRow>(Command(
            "SELECT id AS Id, definition AS Definition, event_cursor AS EventCursor, updated_at AS UpdatedAt FROM playbooks WHERE id = @id",
            new { id }, transaction, cancellationToken)))?.ToPlaybook();

    private sealed class PlaybookRow
    {
        public long Id { get; set; }
        public string Definition { get; set; } = "{}";
        public long EventCursor { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        public Playbook ToPlaybook() => (JsonSerializer.Deserialize(Definition, PlaybookJsonContext.Default.Playbook)
            ?? throw new InvalidOperationException($"Playbook {Id} is stored unreadable.")) with
        {
            Id = Id,
            EventCursor = EventCursor,
            UpdatedAt = UpdatedAt ?? DateTimeOffset.UnixEpoch,
        };
    }

    private sealed class RunRow
    {
        public long Id { get; set; }
        public long PlaybookId { get; set; }
        public string OccurrenceKey { get; set; } = "";
        public long UserId { get; set; }
        public long? AccountId { get; set; }
        public string Status { get; set; } = "";
        public string? Reason { get; set; }
        public long? SendId { get; set; }
        public string? IntercomId { get; set; }
        public DateTimeOffset? NotBefore { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        public PlaybookRun ToRun() => new(
            Id, PlaybookId, OccurrenceKey, UserId, AccountId, Status, Reason, SendId, IntercomId, NotBefore,
            CreatedAt ?? DateTimeOffset.UnixEpoch, UpdatedAt ?? DateTimeOffset.UnixEpoch);
    }
}
