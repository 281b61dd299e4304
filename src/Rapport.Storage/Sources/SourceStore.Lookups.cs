using Dapper;
using Rapport.Hub.Sources;
using Rapport.Hub.Webhooks;
using Rapport.Storage.Database;
using Rapport.Storage.Sql;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Sources;

internal sealed partial class SourceStore
{
    public async Task<DateTimeOffset?> FindSourceUpdatedAtAsync(string source, string kind, string sourceId, CancellationToken cancellationToken = default)
    {
        var table = kind switch
        {
            "company" => "source_companies",
            "contact" => "source_contacts",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected company or contact."),
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateTimeOffset?>(Command(
            $"SELECT source_updated_at FROM {table} WHERE source = @source AND source_id = @sourceId", new { source, sourceId }, null, cancellationToken));
    }

    public async Task<bool> IsSourceCompanyImportedAsync(string source, string sourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(Command(
            """
            SELECT COUNT(*) FROM source_companies sc JOIN accounts a ON a.id = sc.account_id
            WHERE sc.source = @source AND sc.source_id = @sourceId AND sc.qualified AND a.status = 'active'
            """, new { source, sourceId }, null, cancellationToken)) > 0;
    }

    public Task<bool> DeactivateSourceCompanyAsync(string source, string sourceId, string reason, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new { source, sourceId, reason });
            parameters.Add("now", database.Now());
            // content_hash is cleared so that the company, should it come back unchanged, is rewritten and its account revived.
            var accountId = await connection.QuerySingleOrDefaultAsync<long?>(Command(
                """
                UPDATE source_companies SET qualified = FALSE, reason = @reason, content_hash = NULL, written_at = @now
                WHERE source = @source AND source_id = @sourceId
                RETURNING account_id
                """, parameters, transaction, cancellationToken));
            if (accountId is not { } account)
                return false;
            await DeactivateIfOrphanedAsync(connection, transaction, account, reason, cancellationToken);
            return true;
        }, null, cancellationToken);

    public async Task<SourceContact?> FindSourceContactAsync(string source, string sourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? ExternalId, string? Email, string? Name, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? LastSeenAt, string Custom, string Raw)>(Command(
            """
            SELECT external_id, email, name, source_created_at, source_updated_at, last_seen_at, custom_attributes, raw
            FROM source_contacts WHERE source = @source AND source_id = @sourceId
            """, new { source, sourceId }, null, cancellationToken));
        if (row.Raw is null)
            return null;
        var links = await connection.QueryAsync<string>(Command(
            """
            SELECT company_source_id FROM source_contact_companies
            WHERE source = @source AND contact_source_id = @sourceId ORDER BY company_source_id
            """, new { source, sourceId }, null, cancellationToken));
        return new SourceContact(
            source, sourceId, row.ExternalId, row.Email, row.Name, row.CreatedAt, row.UpdatedAt,
            row.LastSeenAt, [], [.. links], row.Custom, row.Raw);
    }

    public async Task<string?> FindSourceCompanyTraitsAsync(string source, string sourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(Command(
            "SELECT custom_attributes FROM source_companies WHERE source = @source AND source_id = @sourceId",
            new { source, sourceId }, null, cancellationToken));
    }
}
