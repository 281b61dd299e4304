using Dapper;
using Rapport.Hub.Sources;
using Rapport.Storage.Database;
using static Rapport.Storage.Database.HubDatabase;

namespace Rapport.Storage.Sources;

internal sealed partial class SourceStore
{
    /// <summary>Links from a source's mirrored contacts to its imported companies: a qualified source record of an active account.</summary>
    private const string ImportedLinkJoin =
        """
        JOIN source_contact_companies l ON l.source = c.source AND l.contact_source_id = c.source_id
        JOIN source_companies sc ON sc.source = l.source AND sc.source_id = l.company_source_id AND sc.qualified
        JOIN accounts a ON a.id = sc.account_id AND a.status = 'active'
        """;

    /// <summary>The mirrored contact <c>c</c> is attached to at least one imported company.</summary>
    private const string HasImportedCompany =
        """
        EXISTS (SELECT 1 FROM source_contact_companies l
                JOIN source_companies sc ON sc.source = l.source AND sc.source_id = l.company_source_id AND sc.qualified
                JOIN accounts a ON a.id = sc.account_id AND a.status = 'active'
                WHERE l.source = c.source AND l.contact_source_id = c.source_id)
        """;

    /// <summary>
    /// One contact per external id among those in an imported company: its email and name become the user's. Several
    /// contacts of a source rarely share an external id; the smallest source id decides, the same on both databases.
    /// </summary>
    private string ChosenContacts(string scope) =>
        $"""
        WITH eligible AS (
            SELECT c.external_id, c.email, c.name,
                   ROW_NUMBER() OVER (PARTITION BY c.external_id ORDER BY c.source_id) AS n
            FROM source_contacts c {(scope.Length == 0 ? "" : database.Dialect.ContactsByExternalId)}
            WHERE c.source = @source AND c.external_id IS NOT NULL AND {HasImportedCompany}{Scoped("c.external_id", scope)}
        ),
        chosen AS (SELECT external_id, email, name FROM eligible WHERE n = 1)
        """;

    /// <summary>An extra condition limiting <paramref name="column"/> to the scope's external ids; empty for a whole derivation.</summary>
    private static string Scoped(string column, string scope) => scope.Length == 0 ? "" : $" AND {column} {scope}";

    public async Task<UserDerivation> DeriveUsersAsync(string source, CancellationToken cancellationToken = default) =>
        await DeriveAsync(source, null, cancellationToken);

    /// <summary>
    /// Only the users whose contacts a webhook batch touched: the given external ids and those of the companies' contacts.
    /// The whole derivation is set-based over every contact of the source; this one costs what the batch touched.
    /// </summary>
    public async Task<int> DeriveUsersAsync(
        string source, IReadOnlyCollection<string> externalIds, IReadOnlyCollection<string> companySourceIds, CancellationToken cancellationToken = default)
    {
        if (externalIds.Count == 0 && companySourceIds.Count == 0)
            return 0;
        var scope = new HashSet<string>(externalIds, StringComparer.Ordinal);
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            foreach (var ids in Chunks(companySourceIds))
            {
                scope.UnionWith(await connection.QueryAsync<string>(Command(
                    $"""
                    SELECT DISTINCT c.external_id FROM source_contact_companies l
                    JOIN source_contacts c ON c.source = l.source AND c.source_id = l.contact_source_id
                    WHERE l.source = @source AND l.company_source_id {database.Dialect.InIds} AND c.external_id IS NOT NULL
                    """, new { source, ids = database.Dialect.Ids(ids) }, null, cancellationToken)));
            }
        }

        if (scope.Count == 0)
            return 0;
        var derived = await DeriveAsync(source, scope, cancellationToken);
        return derived.Created + derived.Updated + derived.Deactivated;
    }

    /// <param name="scope">External ids to derive, or null for every user of the source (with the source's counts).</param>
    private Task<UserDerivation> DeriveAsync(string source, IReadOnlyCollection<string>? scope, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new DynamicParameters(new
            {
                source,
                noCompany = $"in no imported company in {source}",
                gone = "no longer in any source",
            });
            parameters.Add("now", database.Now());
            var inScope = scope is null ? "" : database.Dialect.In("@scope");
            if (scope is not null)
                parameters.Add("scope", database.Dialect.Ids(scope));

            async Task<int> ExecuteAsync(string sql) =>
                await connection.ExecuteAsync(Command(sql, parameters, transaction, cancellationToken));

            async Task<int> CountAsync(string sql) =>
                await connection.ExecuteScalarAsync<int>(Command(sql, parameters, transaction, cancellationToken));

            if (scope is null && database.Dialect.RefreshStatistics is { } refresh)
                await ExecuteAsync(refresh);

            var created = await ExecuteAsync(
                ChosenContacts(inScope) +
                """
                INSERT INTO users (external_id, email, name, status, status_reason, created_at, updated_at)
                SELECT ch.external_id, ch.email, ch.name, 'active', NULL, @now, @now FROM chosen ch
                WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.external_id = ch.external_id)
                """);

            var updated = await ExecuteAsync(
                ChosenContacts(inScope) +
                """
                UPDATE users SET email = ch.email, name = ch.name, status = 'active', status_reason = NULL, updated_at = @now
                FROM chosen ch
                WHERE users.external_id = ch.external_id
                  AND (users.email IS DISTINCT FROM ch.email OR users.name IS DISTINCT FROM ch.name OR users.status <> 'active')
                """);

            var desired = scope is null
                ? $"""
                  SELECT DISTINCT sc.account_id, u.id AS user_id
                  FROM source_contacts c
                  {ImportedLinkJoin}
                  JOIN users u ON u.external_id = c.external_id
                  WHERE c.source = @source
                  """
                // The scope's contacts first (CROSS JOIN keeps SQLite from starting at every link of the source).
                : $"""
                  SELECT DISTINCT sc.account_id, u.id AS user_id
                  FROM source_contacts c {database.Dialect.ContactsByExternalId}
                  CROSS JOIN source_contact_companies l
                  JOIN source_companies sc ON sc.source = l.source AND sc.source_id = l.company_source_id AND sc.qualified
                  JOIN accounts a ON a.id = sc.account_id AND a.status = 'active'
                  JOIN users u ON u.external_id = c.external_id
                  WHERE c.source = @source AND c.external_id {inScope} AND l.source = c.source AND l.contact_source_id = c.source_id
                  """;

            await ExecuteAsync(scope is null
                ? $"""
                  DELETE FROM memberships
                  WHERE source = @source
                    AND NOT EXISTS (SELECT 1 FROM ({desired}) d WHERE d.account_id = memberships.account_id AND d.user_id = memberships.user_id)
                  """
                // Per membership of the scope's users, by index: is there still a link from one of its contacts to the account?
                : $"""
                  DELETE FROM memberships
                  WHERE source = @source AND user_id IN (SELECT id FROM users WHERE external_id {inScope})
                    AND NOT EXISTS (
                      SELECT 1 FROM users u
                      JOIN source_contacts c {database.Dialect.ContactsByExternalId} ON c.external_id = u.external_id AND c.source = @source
                      {ImportedLinkJoin}
                      WHERE u.id = memberships.user_id AND sc.account_id = memberships.account_id)
                  """);

            await ExecuteAsync(
                $"""
                INSERT INTO memberships (account_id, user_id, source, created_at)
                SELECT d.account_id, d.user_id, @source, @now FROM ({desired}) d
                WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.account_id = d.account_id AND m.user_id = d.user_id AND m.source = @source)
                """);

            // A user is active while any source gives them a membership, so another source's users are left as they are.
            var deactivated = await ExecuteAsync(
                $"""
                UPDATE users SET status = 'inactive', updated_at = @now,
                    status_reason = CASE WHEN EXISTS (SELECT 1 FROM source_contacts c WHERE c.external_id = users.external_id)
                                         THEN @noCompany ELSE @gone END
                WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id){Scoped("users.external_id", inScope)}
                """);
            if (scope is not null)
                return new UserDerivation(0, created, updated, deactivated, 0, 0, 0);

            var skippedWithoutExternalId = await CountAsync(
                $"""
                SELECT COUNT(*) FROM source_contacts c WHERE c.source = @source AND c.external_id IS NULL AND {HasImportedCompany}
                """);
            var skippedWithoutCompany = await CountAsync(
                $"""
                SELECT COUNT(*) FROM source_contacts c WHERE c.source = @source AND NOT {HasImportedCompany}
                """);
            var active = await CountAsync(
                """
                SELECT COUNT(DISTINCT m.user_id) FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.source = @source AND u.status = 'active'
                """);
            var memberships = await CountAsync("SELECT COUNT(*) FROM memberships WHERE source = @source");

            return new UserDerivation(active, created, updated, deactivated, skippedWithoutExternalId, skippedWithoutCompany, memberships);
        }, null, cancellationToken);
}
