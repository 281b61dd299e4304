using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Rapport.Hub.Segment;
using Rapport.Storage;
using Rapport.Application.Segment;
using Rapport.Testing;

namespace Rapport.Application.Tests.Segment;

/// <summary>
/// The Segment inbox drain over a real SQLite file and a fake clock. One call fails at apply time because the store refuses
/// its value (a trigger an operator could add, unknown to Rapport's code).
/// </summary>
public sealed class SegmentInboxDrainSpecs : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-drain-").FullName;
    private readonly FakeTimeProvider _time = new(Start);
    private HubStores? _store;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SegmentInboxMessage Call(string messageId, string type, string json) =>
        new(messageId, type, $$"""{"type":"{{type}}","messageId":"{{messageId}}",{{json}}}""");

    private async Task<(HubStores Store, SegmentInboxDrain Drain)> StartAsync()
    {
        var path = Path.Combine(_folder, "hub.db");
        _store = await HubStores.OpenAsync(path, _time, Ct);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER refuse_plan BEFORE INSERT ON source_companies WHEN NEW.plan = 'legacy' BEGIN SELECT RAISE(ABORT, 'plan legacy is refused'); END";
            await command.ExecuteNonQueryAsync(Ct);
        }

        return (_store, new SegmentInboxDrain(_store.Segment, _store.Create<SegmentApplier>(_time), _time) { FirstRetry = TimeSpan.FromSeconds(1) });
    }

    [Fact]
    public async Task Calls_naming_the_failing_calls_user_wait_behind_it_until_it_is_set_aside_while_other_users_calls_go_on()
    {
        // Arrange
        var (hub, drain) = await StartAsync();
        await hub.Segment.AppendSegmentMessagesAsync(
            [Call("m-bad", "group", """ "userId":"u-1","groupId":"g-old","traits":{"plan":"legacy"} """),
             Call("m-held", "track", """ "userId":"u-1","event":"Opened" """),
             Call("m-other", "group", """ "userId":"u-2","groupId":"g-ok","traits":{"plan":"pro"} """)], Ct);

        // Act
        var first = await drain.ApplyNextAsync(Ct);

        // Assert
        first.NextRetryAt.ShouldBe(Start.AddSeconds(1));
        (await hub.Browse.FindAccountAsync("g-ok", Ct)).ShouldNotBeNull();
        (await hub.Segment.ReadPendingSegmentMessagesAsync(10, Ct)).Select(m => (m.MessageId, m.Attempts)).ShouldBe([("m-bad", 1), ("m-held", 0)]);
        (await drain.ApplyNextAsync(Ct)).Tried.ShouldBe(0, "before its backoff ends nothing is tried, and the track behind it waits");

        // Act: four more attempts, each after its backoff (1, 2, 4, 8 s)
        var setAside = 0;
        foreach (var seconds in new[] { 1, 2, 4, 8 })
        {
            _time.Advance(TimeSpan.FromSeconds(seconds));
            setAside += (await drain.ApplyNextAsync(Ct)).SetAside;
        }

        // Assert
        setAside.ShouldBe(1);
        var aside = (await hub.Segment.ListSetAsideSegmentMessagesAsync(10, Ct)).ShouldHaveSingleItem();
        (aside.MessageId, aside.Attempts, aside.SetAsideAt).ShouldBe(("m-bad", 5, Start.AddSeconds(15)));
        aside.Error.ShouldContain("plan legacy is refused");
        (await hub.Segment.ReadPendingSegmentMessagesAsync(10, Ct)).ShouldBeEmpty("once the failing call is set aside, the track behind it is applied");
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
            await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
