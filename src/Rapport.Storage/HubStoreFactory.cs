using Rapport.Hub.Storage;
using Rapport.Storage.Postgres;
using Rapport.Storage.Sqlite;

namespace Rapport.Storage;

/// <summary>Opens the hub's store from the one setting users give: a SQLite file path or a PostgreSQL connection string.</summary>
public static class HubStoreFactory
{
    /// <summary>
    /// <c>postgres://…</c>, <c>postgresql://…</c> or an Npgsql connection string (<c>Host=…</c>) opens PostgreSQL; anything
    /// else is a SQLite file path, created if missing. Checks the database is Rapport's (or empty), applies migrations and
    /// returns the store.
    /// </summary>
    /// <exception cref="HubStoreException">Not a Rapport database, not SQLite, unreachable server, or a newer schema.</exception>
    /// <summary>The full path of the SQLite file <paramref name="database"/> names, or null when it names a PostgreSQL database.</summary>
    public static string? SqliteFile(string database) =>
        PostgresConnectionString.Matches(database) ? null : Path.GetFullPath(database);

    public static async Task<IHubStore> OpenAsync(string database, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return PostgresConnectionString.Matches(database)
            ? await PostgresHubStore.OpenAsync(database, timeProvider, cancellationToken)
            : await SqliteHubStore.OpenAsync(database, timeProvider, cancellationToken);
    }
}
