using System.Text.RegularExpressions;
using Npgsql;

namespace Rapport.Tests;

/// <summary><c>rapport status</c> says how big the hub's database is and how long the inboxes keep what they applied.</summary>
public sealed class StatusCommandSpecs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-status-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_shows_the_SQLite_file_and_its_write_ahead_log_with_their_sizes()
    {
        var database = Path.Combine(_folder, "hub.db");
        (await RapportProcess.RunAsync(_folder, "status", "--database", "hub.db")).ExitCode.ShouldBe(0, "the first run creates the hub");
        var fileSize = new FileInfo(database).Length;

        var result = await RapportProcess.RunAsync(_folder, "status", "--database", "hub.db");

        result.ExitCode.ShouldBe(0, result.ToString());
        var said = OneLine(result.Output);
        said.ShouldContain($"Database: {database}");
        said.ShouldContain($"file {fileSize / 1024.0:0.#} KB");
        said.ShouldMatch(@"write-ahead log \d+(\.\d+)? (B|KB|MB), capped at 64 MB");
        said.ShouldContain("Applied webhooks and Segment calls are kept 7 days");
    }

    [Fact]
    public async Task Status_shows_the_PostgreSQL_schema_and_database_sizes()
    {
        var server = Environment.GetEnvironmentVariable("RAPPORT_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
            Assert.Fail("The PostgreSQL specs need a running server named by RAPPORT_TEST_POSTGRES (scripts/postgres.sh start prints it).");
        var schema = "status_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        try
        {
            var database = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();

            var result = await RapportProcess.RunAsync(_folder, "status", "--database", database);

            result.ExitCode.ShouldBe(0, result.ToString());
            OneLine(result.Output).ShouldMatch($@"Database: .* schema {schema} \d+(\.\d+)? (KB|MB), whole database \d+(\.\d+)? (KB|MB|GB)");
        }
        finally
        {
            await ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    /// <summary>The console wraps long lines at its width.</summary>
    private static string OneLine(string text) => Regex.Replace(text, @"\s+", " ");

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
