using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Storage.Database;

namespace Rapport.Web.Tests.Support;

/// <summary>
/// A fresh hub database for one test on either provider: a SQLite file in a folder of its own, or a schema of its own on
/// the PostgreSQL server named by <c>RAPPORT_TEST_POSTGRES</c> (dropped afterwards). <see cref="QueryAsync{T}"/> is the
/// side door an operator (or whoever took a copy) has: plain SQL, nothing of Rapport's.
/// </summary>
public sealed class HubDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgresql";

    private readonly string? _schema;
    private readonly string? _server;

    private HubDatabase(string provider, string folder, string database, string? schema, string? server)
    {
        Provider = provider;
        Folder = folder;
        Database = database;
        _schema = schema;
        _server = server;
    }

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    public string Provider { get; }

    /// <summary>A folder of the test's own: the SQLite file is here, and anything the test writes beside it.</summary>
    public string Folder { get; }

    /// <summary>What Rapport is given: the SQLite path or the PostgreSQL connection string.</summary>
    public string Database { get; }

    public static async Task<HubDatabase> CreateAsync(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("rapport-hubdb-").FullName;
        if (provider == Sqlite)
            return new HubDatabase(provider, folder, Path.Combine(folder, "hub.db"), null, null);

        var server = Environment.GetEnvironmentVariable("RAPPORT_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
            Assert.Fail("The PostgreSQL specs need a running server named by RAPPORT_TEST_POSTGRES (scripts/postgres.sh start prints it).");
        var schema = "hub_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await connection.ExecuteAsync($"CREATE SCHEMA {schema}");
        }
        var database = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
        return new HubDatabase(provider, folder, database, schema, server);
    }

    public DbConnection Connect() => Provider == Sqlite
        ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ToString())
        : new NpgsqlConnection(Database);

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = Connect();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = Connect();
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>A stored time as the provider keeps it: Unix milliseconds on SQLite, timestamptz on PostgreSQL.</summary>
    public object Time(DateTimeOffset value) => Provider == Sqlite ? value.ToUnixTimeMilliseconds() : value.UtcDateTime;

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_schema is not null && _server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
