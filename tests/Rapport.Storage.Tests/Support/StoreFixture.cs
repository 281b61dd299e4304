using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rapport.Storage.Tests.Support;

/// <summary>
/// Per test class: a temp folder for SQLite files and a fresh PostgreSQL database (dropped afterwards); per test: a new
/// file or a new schema in that database, so tests never see each other's rows.
/// </summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "RAPPORT_TEST_POSTGRES";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rapport-storage-tests-" + Guid.NewGuid().ToString("N"));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _databaseConnectionString;
    private string? _serverConnectionString;
    private string? _databaseName;
    private int _counter;

    public string Folder => _folder;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public async Task<TestStore> OpenAsync(string provider, TimeProvider timeProvider)
    {
        var n = Interlocked.Increment(ref _counter);
        var cancellationToken = TestContext.Current.CancellationToken;
        if (provider == Providers.Sqlite)
        {
            var path = Path.Combine(_folder, $"hub-{n}.db");
            return await TestStore.OpenAsync(path, timeProvider, () => new SqliteConnection($"Data Source={path};Pooling=False"));
        }

        var database = await PostgresDatabaseAsync();
        var schema = $"t{n}";
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(database) { SearchPath = schema }.ToString();
        return await TestStore.OpenAsync(connectionString, timeProvider, () => new NpgsqlConnection(connectionString));
    }

    /// <summary>The connection string of this class's database, for specs that need a schema of their own making.</summary>
    public async Task<string> PostgresDatabaseAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_databaseConnectionString is not null)
            {
                return _databaseConnectionString;
            }

            _serverConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(_serverConnectionString))
            {
                Assert.Fail(
                    $"The PostgreSQL specs need a running server named by {EnvironmentVariable}. Start one with " +
                    "`scripts/postgres.sh start` and export the line it prints, e.g. " +
                    $"{EnvironmentVariable}='Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres'.");
            }

            _databaseName = "rapport_test_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(_serverConnectionString))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = new NpgsqlCommand($"CREATE DATABASE {_databaseName}", connection);
                await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            _databaseConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _databaseName }.ToString();
            return _databaseConnectionString;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_databaseName is not null && _serverConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere only leaves litter in the temp folder.
        }

        _gate.Dispose();
    }
}
