using Rapport.Storage.Database;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Hub.Storage;
using Rapport.Hub.Accounts;

namespace Rapport.Storage.Tests.Migrations;

public sealed class MigrationSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Build.Start);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_migration_is_applied_once_however_often_the_store_is_opened(string provider)
    {
        // Arrange
        await using var hub = await fixture.OpenAsync(provider, _time);

        // Act
        await hub.ReopenAsync(_time);
        await hub.ReopenAsync(_time);

        // Assert
        var applied = await hub.QueryAsync<(int Version, string Name)>("SELECT version, name FROM schema_migrations ORDER BY version");
        var embedded = EmbeddedVersions(provider);
        embedded.ShouldBe(Enumerable.Range(1, embedded.Count), "the migrations are numbered 1 to N, none missing");
        applied.Select(m => m.Version).ShouldBe(embedded, "every migration once, in order, none skipped");
        applied.ShouldAllBe(m => m.Name.StartsWith($"{m.Version:0000}_"));
        applied.Take(3).ShouldBe([(1, "0001_initial"), (2, "0002_contact_segments"), (3, "0003_team")]);
        (await hub.Browse.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(new HubCounts(0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task A_missing_sqlite_file_is_created_with_its_folder()
    {
        var path = Path.Combine(fixture.Folder, "new-folder", "nested", "hub.db");

        await using var store = await HubDatabase.OpenAsync(path, _time, TestContext.Current.CancellationToken);

        File.Exists(path).ShouldBeTrue();
        store.Provider.ShouldBe("sqlite");
    }

    [Fact]
    public async Task A_sqlite_database_of_another_application_is_refused_by_name()
    {
        var path = Path.Combine(fixture.Folder, "someone-elses.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new SqliteCommand("CREATE TABLE invoices (id INTEGER PRIMARY KEY)", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var error = await Should.ThrowAsync<HubStoreException>(() => HubDatabase.OpenAsync(path, _time, TestContext.Current.CancellationToken));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("not a Rapport database");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task A_text_file_is_refused_by_name_and_left_untouched()
    {
        var path = Path.Combine(fixture.Folder, "notes.txt");
        await File.WriteAllTextAsync(path, "remember the milk\n", TestContext.Current.CancellationToken);

        var error = await Should.ThrowAsync<HubStoreException>(() => HubDatabase.OpenAsync(path, _time, TestContext.Current.CancellationToken));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("not a SQLite database");
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ShouldBe("remember the milk\n");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_schema_newer_than_this_build_is_refused(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) SELECT 9999, '9999_future', applied_at FROM schema_migrations WHERE version = 1");
        await hub.DisposeAsync();

        var error = await Should.ThrowAsync<HubStoreException>(() => HubDatabase.OpenAsync(hub.Database, _time, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("9999");
        error.Message.ShouldContain("newer");
    }

    [Fact]
    public async Task A_postgres_schema_of_another_application_is_refused_by_name()
    {
        var database = await fixture.PostgresDatabaseAsync();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int)", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(database) { SearchPath = "billing" }.ToString();
        var error = await Should.ThrowAsync<HubStoreException>(
            () => HubDatabase.OpenAsync(connectionString, _time, TestContext.Current.CancellationToken));

        error.Message.ShouldContain(new NpgsqlConnectionStringBuilder(database).Database!);
        error.Message.ShouldContain("another application");
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_in_one_line_without_the_password()
    {
        const string Database = "postgres://rapport:s3cret@127.0.0.1:1/hub";

        var error = await Should.ThrowAsync<HubStoreException>(() => HubDatabase.OpenAsync(Database, _time, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("postgresql://127.0.0.1:1/hub");
        error.Message.ShouldNotContain("s3cret");
        error.Message.ShouldNotContain("\n");
    }

    private static List<int> EmbeddedVersions(string provider)
    {
        var folder = $".Migrations.{provider}.";
        return [.. typeof(HubDatabase).Assembly.GetManifestResourceNames()
            .Where(name => name.Contains(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => int.Parse(name[(name.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..][..4], System.Globalization.CultureInfo.InvariantCulture))
            .Order()];
    }
}
