using System.Data.Common;
using Dapper;
using Rapport.Hub.Storage;
using Rapport.Storage.Migrations;

namespace Rapport.Storage.Database;

public abstract partial class HubDatabase
{
    private IReadOnlyList<Migration>? _migrations;

    private IReadOnlyList<Migration> Migrations => _migrations ??= Migration.For(Provider);

    /// <summary>The newest schema version this build knows.</summary>
    internal int LatestVersion => Migrations[^1].Version;

    /// <summary>Creates or upgrades the schema (versioned migrations, each applied once).</summary>
    internal async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using (var connection = await OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(Command(Dialect.CreateMigrationsTable, null, null, cancellationToken));
        }

        foreach (var migration in Migrations)
        {
            await WriteAsync(async (connection, transaction) =>
            {
                // Re-read inside the transaction (which holds the write lock) so two processes never both apply a migration.
                await LockForMigrationAsync(connection, transaction, cancellationToken);
                var applied = await connection.ExecuteScalarAsync<long>(Command(
                    "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction, cancellationToken));
                if (applied > 0)
                {
                    return 0;
                }

                await connection.ExecuteAsync(Command(migration.Sql, null, transaction, cancellationToken));
                var parameters = new DynamicParameters(new { migration.Version, migration.Name });
                parameters.Add("now", Now());
                return await connection.ExecuteAsync(Command(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @now)",
                    parameters, transaction, cancellationToken));
            }, null, cancellationToken);
        }
    }

    /// <summary>The highest applied migration, or 0 for a database Rapport has not initialised yet.</summary>
    internal async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        if (!await HasMigrationsTableAsync(connection, cancellationToken))
        {
            return 0;
        }

        return await connection.ExecuteScalarAsync<int?>(Command(
            "SELECT MAX(version) FROM schema_migrations", null, null, cancellationToken)) ?? 0;
    }

    /// <summary>Refuses a database whose schema a newer Rapport wrote: this build would misread it.</summary>
    internal async Task EnsureNotNewerAsync(CancellationToken cancellationToken = default)
    {
        var version = await ReadSchemaVersionAsync(cancellationToken);
        if (version > LatestVersion)
        {
            throw new HubStoreException(
                $"The database {DisplayName} has schema version {version}, newer than this build of Rapport knows ({LatestVersion}): upgrade Rapport.");
        }
    }

    private protected abstract Task<bool> HasMigrationsTableAsync(DbConnection connection, CancellationToken cancellationToken);

    private protected virtual Task LockForMigrationAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
