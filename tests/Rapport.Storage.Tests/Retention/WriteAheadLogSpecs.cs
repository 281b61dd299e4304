namespace Rapport.Storage.Tests.Retention;

/// <summary>
/// Without a limit, under load the SQLite write-ahead log grew to 256 MB beside a 22 MB database and never shrank. Once
/// a burst has been copied into the database, the log goes back under its cap of 64 MB.
/// </summary>
public sealed class WriteAheadLogSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private const long Cap = 64L * 1024 * 1024;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_write_ahead_log_goes_back_under_64_MB_after_a_burst()
    {
        await using var hub = await fixture.OpenAsync(Providers.Sqlite, TimeProvider.System);
        var log = new FileInfo(hub.Database + "-wal");
        // SQLite deletes the log when the last connection to the file closes; one held open keeps it on disk to be measured.
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={hub.Database};Pooling=False");
        await holder.OpenAsync(Token);

        // One transaction of 80 MB: SQLite keeps all of it in the log until it commits, whatever the cap.
        await hub.ExecuteAsync(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80)
            INSERT INTO sync_state (key, value, updated_at) SELECT 'burst-' || i, hex(randomblob(512 * 1024)), 0 FROM n
            """);
        log.Refresh();
        log.Length.ShouldBeGreaterThan(Cap);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (log.Length > Cap && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200, Token);
            log.Refresh();
        }

        log.Length.ShouldBeLessThanOrEqualTo(Cap);
        (await hub.QueryAsync<long>("SELECT COUNT(*) FROM sync_state WHERE key LIKE 'burst-%'")).ShouldBe([80L], "nothing of the burst is lost");
    }
}
