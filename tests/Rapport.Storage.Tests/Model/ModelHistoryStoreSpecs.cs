using Rapport.Hub.Model;
using static Rapport.Storage.Tests.Model.ModelStates;
using Rapport.Hub.Accounts;

namespace Rapport.Storage.Tests.Model;

public sealed class ModelHistoryStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Start.UtcDateTime);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task History_keeps_one_row_per_account_per_day_and_the_days_newest_values_win(string provider)
    {
        // Arrange
        await using var hub = await fixture.OpenAsync(provider, _time);
        var ids = await AccountsAsync(hub, 2);
        var (a, b) = (ids[0], ids[1]);

        // Act: yesterday once; today three times, the last write being an older computation that must not win.
        await hub.Model.SaveAccountStatesAsync([State(a, Start.AddDays(-1), mrr: 10m, health: 4m, metrics: new Dictionary<string, decimal?> { ["Logins"] = 1m })], 1, Token);
        await hub.Model.SaveAccountStatesAsync(
            [State(a, Start, mrr: 20m, health: 6m, metrics: new Dictionary<string, decimal?> { ["Logins"] = 2m }, elements: new Dictionary<string, long> { ["Seats"] = 3 }),
             State(b, Start, type: AccountType.Trial)], 1, Token);
        await hub.Model.SaveAccountStatesAsync([State(a, Start.AddHours(2), mrr: 30m, health: 7.5m, metrics: new Dictionary<string, decimal?> { ["Logins"] = 5m },
            scores: new Dictionary<string, decimal?> { ["Engagement"] = 7.5m })], 1, Token);
        await hub.Model.SaveAccountStatesAsync([State(a, Start.AddHours(1), mrr: 99m)], 1, Token);

        // Assert
        var history = await hub.Model.GetAccountHistoryAsync(new AccountId(a), Today.AddDays(-89), Token);
        history.Select(d => d.Day).ShouldBe([Today.AddDays(-1), Today]);
        history[0].Mrr.ShouldBe(10m);
        history[0].Metrics["logins"].ShouldBe(1m, "names compare in any case");
        var today = history[1];
        (today.Mrr, today.Health, today.Type).ShouldBe((30m, 7.5m, "subscribed"));
        today.Metrics["Logins"].ShouldBe(5m);
        today.Scores["Engagement"].ShouldBe(7.5m);
        today.Elements.ShouldBeEmpty("the day's row is the newest computation whole, not a merge");
        (await hub.Model.GetAccountHistoryAsync(new AccountId(a), Today, Token)).Count.ShouldBe(1, "days before 'since' are left out");
        (await hub.Model.GetAccountHistoryAsync(new AccountId(b), Today.AddDays(-89), Token)).Single().Type.ShouldBe("trial");
        (await hub.QueryAsync<long>("SELECT COUNT(*) FROM account_history")).Single().ShouldBe(3);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_saved_version_records_what_it_dropped_and_a_push_asks_for_what_was_retired_since_its_version(string provider)
    {
        // Arrange
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Model.SaveModelDefinitionsAsync("""{"metrics":[]}""", "ada", [], Token);

        // Act
        _time.Advance(TimeSpan.FromHours(1));
        var second = await hub.Model.SaveModelDefinitionsAsync(
            """{"segments":[]}""", "ada",
            [new DefinitionRetirement(DefinitionKind.Metric, "Logins", "Weekly logins"), new DefinitionRetirement(DefinitionKind.Segment, "Old VIP", null)], Token);
        _time.Advance(TimeSpan.FromHours(1));
        await hub.Model.SaveModelDefinitionsAsync("{}", "bob", [new DefinitionRetirement(DefinitionKind.HealthScore, "Support", null)], Token);

        // Assert
        second.Version.ShouldBe(2);
        var all = await hub.Model.ListRetiredDefinitionsAsync(0, Token);
        all.ShouldBe([
            new RetiredDefinition(DefinitionKind.Metric, "Logins", "Weekly logins", 2, Start.AddHours(1)),
            new RetiredDefinition(DefinitionKind.Segment, "Old VIP", null, 2, Start.AddHours(1)),
            new RetiredDefinition(DefinitionKind.HealthScore, "Support", null, 3, Start.AddHours(2))]);
        (await hub.Model.ListRetiredDefinitionsAsync(2, Token)).Select(r => r.Name).ShouldBe(["Support"]);
        (await hub.Model.ListRetiredDefinitionsAsync(3, Token)).ShouldBeEmpty();
        (await hub.Model.ListModelDefinitionsAsync(10, Token)).Select(d => d.Version).ShouldBe([3, 2, 1]);
    }
}
