using Dapper;
using Rapport.Storage.Team;
using Rapport.Hub.Team;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Security;

internal sealed partial class SignInStore
{
    private const string SessionColumns =
        "id AS Id, teammate_id AS TeammateId, created_at AS CreatedAt, last_seen_at AS LastSeenAt, address AS Address, user_agent AS UserAgent";

    public Task<StartedSession?> StartSessionAsync(long teammateId, string? address, string? userAgent, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var stamp = await connection.QuerySingleOrDefaultAsync<string>(Command(
                "SELECT security_stamp FROM teammates WHERE id = @teammateId", new { teammateId }, transaction, cancellationToken));
            if (stamp is null)
                return null;

            var parameters = new DynamicParameters(new { teammateId, address, userAgent = Shorten(userAgent) });
            parameters.Add("now", database.Now());
            parameters.Add("ended", EndedBefore());
            // Sessions that ended by going unused are forgotten here, where their teammate comes back, rather than by a timer.
            await connection.ExecuteAsync(Command(
                "DELETE FROM teammate_sessions WHERE teammate_id = @teammateId AND last_seen_at < @ended", parameters, transaction, cancellationToken));
            var id = await connection.ExecuteScalarAsync<long>(Command(
                """
                INSERT INTO teammate_sessions (teammate_id, created_at, last_seen_at, address, user_agent)
                VALUES (@teammateId, @now, @now, @address, @userAgent)
                RETURNING id
                """, parameters, transaction, cancellationToken));
            return new StartedSession(id, stamp);
        }, null, cancellationToken);

    public async Task<SessionCheck?> UseSessionAsync(long sessionId, long teammateId, CancellationToken cancellationToken = default)
    {
        TeamStore.TeammateRow? row;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            // One read by primary keys: this runs on every request signed in by cookie.
            row = await connection.QuerySingleOrDefaultAsync<TeamStore.TeammateRow>(Command(
                $"""
                SELECT {TeamStore.TeammateColumns}, security_stamp AS SecurityStamp, s.last_seen_at AS LastSeenAt
                FROM teammates JOIN (SELECT teammate_id, last_seen_at FROM teammate_sessions WHERE id = @sessionId) s ON s.teammate_id = teammates.id
                WHERE teammates.id = @teammateId
                """, new { sessionId, teammateId }, null, cancellationToken));
        }

        var now = database.TimeProvider.GetUtcNow();
        if (row is null || row.LastSeenAt is not { } lastSeen || lastSeen < TeammateSessions.EndedBefore(now))
            return null;

        if (now - lastSeen >= TeammateSessions.SeenPrecision)
        {
            var parameters = new DynamicParameters(new { sessionId });
            parameters.Add("now", database.Now());
            await database.ChangeOneAsync("UPDATE teammate_sessions SET last_seen_at = @now WHERE id = @sessionId", parameters, cancellationToken);
        }

        return new SessionCheck(row.ToTeammate(), row.SecurityStamp);
    }

    public async Task<IReadOnlyList<TeammateSession>> ListSessionsAsync(long teammateId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(new { teammateId });
        parameters.Add("ended", EndedBefore());
        var rows = await connection.QueryAsync<SessionRow>(Command(
            $"""
            SELECT {SessionColumns} FROM teammate_sessions
            WHERE teammate_id = @teammateId AND last_seen_at >= @ended
            ORDER BY last_seen_at DESC, id DESC
            """, parameters, null, cancellationToken));
        return [.. rows.Select(r => r.ToSession())];
    }

    public Task<bool> EndSessionAsync(long teammateId, long sessionId, CancellationToken cancellationToken = default) =>
        database.ChangeOneAsync(
            "DELETE FROM teammate_sessions WHERE id = @sessionId AND teammate_id = @teammateId",
            new DynamicParameters(new { teammateId, sessionId }), cancellationToken);

    public Task<int> EndSessionsAsync(long teammateId, long? keepSessionId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { teammateId, keep = keepSessionId ?? 0 });
            parameters.Add("ended", EndedBefore());
            // The ones that ended by going unused go too, uncounted: the teammate was told only of live ones.
            await connection.ExecuteAsync(Command(
                "DELETE FROM teammate_sessions WHERE teammate_id = @teammateId AND last_seen_at < @ended", parameters, transaction, cancellationToken));
            return await connection.ExecuteAsync(Command(
                "DELETE FROM teammate_sessions WHERE teammate_id = @teammateId AND id <> @keep", parameters, transaction, cancellationToken));
        }, null, cancellationToken);

    private object EndedBefore() => database.Dialect.Time(TeammateSessions.EndedBefore(database.TimeProvider.GetUtcNow()))!;

    private static string? Shorten(string? userAgent) =>
        userAgent is { Length: > TeammateSessions.MaxUserAgentLength } ? userAgent[..TeammateSessions.MaxUserAgentLength] : userAgent;

    private sealed class SessionRow
    {
        public long Id { get; set; }
        public long TeammateId { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? LastSeenAt { get; set; }
        public string? Address { get; set; }
        public string? UserAgent { get; set; }

        public TeammateSession ToSession() =>
            new(Id, TeammateId, CreatedAt!.Value, LastSeenAt!.Value, Address, UserAgent);
    }
}
