using System.Security.Cryptography;
using Dapper;
using Rapport.Hub.Team;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Team;

internal sealed partial class TeamStore(HubDatabase database) : ITeamStore
{
    internal const string TeammateColumns =
        "id AS Id, email AS Email, name AS Name, role AS Role, intercom_admin_email AS IntercomAdminEmail, created_at AS CreatedAt";

    public async Task<int> CountTeammatesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(Command("SELECT COUNT(*) FROM teammates", null, null, cancellationToken));
    }

    public async Task<IReadOnlyList<Teammate>> ListTeammatesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TeammateRow>(Command(
            $"SELECT {TeammateColumns} FROM teammates ORDER BY lower(name), id", null, null, cancellationToken));
        return [.. rows.Select(r => r.ToTeammate())];
    }

    public async Task<Teammate?> FindTeammateAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TeammateRow>(Command(
            $"SELECT {TeammateColumns} FROM teammates WHERE id = @id", new { id }, null, cancellationToken));
        return row?.ToTeammate();
    }

    public async Task<TeammateCredentials?> FindTeammateByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TeammateRow>(Command(
            $"SELECT {TeammateColumns}, password_hash AS PasswordHash FROM teammates WHERE lower(email) = lower(@email)",
            new { email = email.Trim() }, null, cancellationToken));
        return row is null ? null : new TeammateCredentials(row.ToTeammate(), row.PasswordHash);
    }

    public Task<Teammate?> AddTeammateAsync(
        string email, string name, TeamRole role, string? intercomAdminEmail, string passwordHash, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new
            {
                email = email.Trim(),
                name = name.Trim(),
                role = role.ToName(),
                intercomAdminEmail,
                passwordHash,
                stamp = NewSecurityStamp(),
            });
            parameters.Add("now", database.Now());
            var row = await connection.QuerySingleOrDefaultAsync<TeammateRow>(Command(
                $"""
                INSERT INTO teammates (email, name, role, intercom_admin_email, password_hash, created_at, security_stamp)
                VALUES (@email, @name, @role, @intercomAdminEmail, @passwordHash, @now, @stamp)
                ON CONFLICT DO NOTHING
                RETURNING {TeammateColumns}
                """, parameters, transaction, cancellationToken));
            return row?.ToTeammate();
        }, null, cancellationToken);

    public Task<bool> UpdateTeammateAsync(long id, string name, TeamRole role, string? intercomAdminEmail, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            // A new role ends the teammate's sessions: they sign in again under it, rather than carry on in a session that
            // was granted under the old one (SET reads the row as it was, so the CASE sees the old role).
            var parameters = new DynamicParameters(new { id, name = name.Trim(), role = role.ToName(), intercomAdminEmail, stamp = NewSecurityStamp() });
            var changed = await connection.ExecuteAsync(Command(
                """
                UPDATE teammates SET name = @name, intercom_admin_email = @intercomAdminEmail,
                    security_stamp = CASE WHEN role = @role THEN security_stamp ELSE @stamp END, role = @role
                WHERE id = @id
                """, parameters, transaction, cancellationToken));
            await connection.ExecuteAsync(Command(
                "DELETE FROM teammate_sessions WHERE teammate_id = @id AND EXISTS (SELECT 1 FROM teammates WHERE id = @id AND security_stamp = @stamp)",
                parameters, transaction, cancellationToken));
            return changed > 0;
        }, null, cancellationToken);

    public Task<bool> SetTeammatePasswordAsync(long id, string passwordHash, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            // Whoever had the old password (or a cookie from then) is out: every session ends and the stamp changes.
            var parameters = new DynamicParameters(new { id, passwordHash, stamp = NewSecurityStamp() });
            var changed = await connection.ExecuteAsync(Command(
                "UPDATE teammates SET password_hash = @passwordHash, security_stamp = @stamp WHERE id = @id", parameters, transaction, cancellationToken));
            await connection.ExecuteAsync(Command("DELETE FROM teammate_sessions WHERE teammate_id = @id", parameters, transaction, cancellationToken));
            return changed > 0;
        }, null, cancellationToken);

    public Task<bool> RemoveTeammateAsync(long id, CancellationToken cancellationToken = default) =>
        database.ChangeOneAsync("DELETE FROM teammates WHERE id = @id", new DynamicParameters(new { id }), cancellationToken);

    public Task<ApiTokenInfo> AddApiTokenAsync(long teammateId, string name, string tokenHash, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { teammateId, name = name.Trim(), tokenHash });
            parameters.Add("now", database.Now());
            var row = await connection.QuerySingleAsync<ApiTokenRow>(Command(
                """
                INSERT INTO api_tokens (teammate_id, name, token_hash, created_at) VALUES (@teammateId, @name, @tokenHash, @now)
                RETURNING id AS Id, teammate_id AS TeammateId, name AS Name, created_at AS CreatedAt, last_used_at AS LastUsedAt
                """, parameters, transaction, cancellationToken));
            return row.ToInfo();
        }, null, cancellationToken);

    public async Task<IReadOnlyList<ApiTokenInfo>> ListApiTokensAsync(long teammateId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiTokenRow>(Command(
            """
            SELECT id AS Id, teammate_id AS TeammateId, name AS Name, created_at AS CreatedAt, last_used_at AS LastUsedAt
            FROM api_tokens WHERE teammate_id = @teammateId ORDER BY id
            """, new { teammateId }, null, cancellationToken));
        return [.. rows.Select(r => r.ToInfo())];
    }

    public Task<Teammate?> UseApiTokenAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { tokenHash });
            parameters.Add("now", database.Now());
            var teammateId = await connection.QuerySingleOrDefaultAsync<long?>(Command(
                "UPDATE api_tokens SET last_used_at = @now WHERE token_hash = @tokenHash RETURNING teammate_id",
                parameters, transaction, cancellationToken));
            if (teammateId is null)
                return null;
            var row = await connection.QuerySingleOrDefaultAsync<TeammateRow>(Command(
                $"SELECT {TeammateColumns} FROM teammates WHERE id = @id", new { id = teammateId }, transaction, cancellationToken));
            return row?.ToTeammate();
        }, null, cancellationToken);

    public Task<bool> RevokeApiTokenAsync(long teammateId, long tokenId, CancellationToken cancellationToken = default) =>
        database.ChangeOneAsync("DELETE FROM api_tokens WHERE id = @tokenId AND teammate_id = @teammateId", new DynamicParameters(new { teammateId, tokenId }), cancellationToken);

    private static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));


    internal sealed class TeammateRow
    {
        public long Id { get; set; }
        public string Email { get; set; } = "";
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string? IntercomAdminEmail { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public string PasswordHash { get; set; } = "";
        public string SecurityStamp { get; set; } = "";
        public DateTimeOffset? LastSeenAt { get; set; }

        public Teammate ToTeammate() =>
            new(Id, Email, Name, TeamRoles.Parse(Role), IntercomAdminEmail, CreatedAt!.Value);
    }

    private sealed class ApiTokenRow
    {
        public long Id { get; set; }
        public long TeammateId { get; set; }
        public string Name { get; set; } = "";
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? LastUsedAt { get; set; }

        public ApiTokenInfo ToInfo() => new(Id, TeammateId, Name, CreatedAt!.Value, LastUsedAt);
    }
}
