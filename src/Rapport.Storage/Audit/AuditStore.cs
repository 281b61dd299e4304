using Dapper;
using Rapport.Hub.Audit;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Audit;

internal sealed partial class AuditStore(HubDatabase database) : IAuditStore
{
    private const string AuditColumns =
        "id AS Id, at AS At, action AS Action, actor_id AS ActorId, actor_name AS ActorName, actor_email AS ActorEmail, address AS Address, subject AS Subject, detail AS Detail";

    public Task<AuditEntry> AppendAuditEntryAsync(NewAuditEntry entry, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new
            {
                entry.Action,
                actorId = entry.Actor?.Id,
                actorName = entry.Actor?.Name,
                actorEmail = entry.Actor?.Email,
                entry.Address,
                entry.Subject,
                entry.Detail,
            });
            parameters.Add("now", database.Now());
            var row = await connection.QuerySingleAsync<AuditRow>(Command(
                $"""
                INSERT INTO audit_log (at, action, actor_id, actor_name, actor_email, address, subject, detail)
                VALUES (@now, @Action, @actorId, @actorName, @actorEmail, @Address, @Subject, @Detail)
                RETURNING {AuditColumns}
                """, parameters, transaction, cancellationToken));
            return row.ToEntry();
        }, null, cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ListAuditEntriesAsync(long? before, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(Command(
            $"SELECT {AuditColumns} FROM audit_log WHERE @before IS NULL OR id < @before ORDER BY id DESC LIMIT @limit",
            new { before, limit }, null, cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    private sealed class AuditRow
    {
        public long Id { get; set; }
        public DateTimeOffset? At { get; set; }
        public string Action { get; set; } = "";
        public long? ActorId { get; set; }
        public string? ActorName { get; set; }
        public string? ActorEmail { get; set; }
        public string? Address { get; set; }
        public string? Subject { get; set; }
        public string? Detail { get; set; }

        public AuditEntry ToEntry() => new(
            Id, At!.Value, Action, ActorName is null ? null : new AuditActor(ActorId, ActorName, ActorEmail), Address, Subject, Detail);
    }
}
