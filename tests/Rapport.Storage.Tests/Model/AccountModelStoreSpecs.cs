using Rapport.Hub.Accounts;
using Rapport.Hub.Events;
using Rapport.Hub.Model;

namespace Rapport.Storage.Tests.Model;

public sealed class AccountModelStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Account acme (c1) with users ada and bob; account zeta (c2) with zoe; ada also uses zeta.</summary>
    private async Task<TestStore> HubAsync(string provider)
    {
        var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync(
            [Qualified(Company("c1", "acme") with { CustomAttributesJson = """{"mrr": "49.90", "owner": "bob", "trial_ends_at": 1800000000}""" }),
             Qualified(Company("c2", "zeta"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync(
            [Contact("u1", "ada", "c1", "c2"), Contact("u2", "bob", "c1"), Contact("u3", "zoe", "c2")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        return hub;
    }

    private static SourceEvent Event(string name, string user, double daysAgo) =>
        new(Intercom, "app1", user, null, name, Start.AddDays(-daysAgo), "{}");

    private static async Task<long> AccountIdAsync(TestStore hub, string externalId) =>
        (await hub.QueryAsync<long>("SELECT id FROM accounts WHERE external_id = @externalId", new { externalId })).Single();

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_accounts_inputs_count_its_users_events_by_name_and_window_and_read_its_traits_and_users(string provider)
    {
        await using var hub = await HubAsync(provider);
        await hub.Events.RecordEventsAsync(
            [Event("login", "ada", 1), Event("login", "ada", 2), Event("login", "bob", 10), Event("login", "zoe", 1),
             Event("report", "bob", 40), Event("noise", "bob", 0.5)], Token);
        var acme = await AccountIdAsync(hub, "acme");
        var zeta = await AccountIdAsync(hub, "zeta");

        var inputs = await hub.Model.LoadAccountInputsAsync([acme, zeta], ["login", "report"], Token);

        var a = inputs.Single(i => i.Id.Value == acme);
        a.CountEvents("login", Start.AddDays(-7)).ShouldBe(2);
        a.CountEvents("login", DateTimeOffset.MinValue).ShouldBe(3);
        a.CountDistinctUsers("login", DateTimeOffset.MinValue).ShouldBe(2);
        a.EventTimes("report").ShouldBe([Start.AddDays(-40)]);
        a.CountEvents("noise", DateTimeOffset.MinValue).ShouldBe(0, "only the names the model reads are loaded");
        a.LastEventAt(null).ShouldBe(Start.AddDays(-0.5), "the last event of any name is known all the same");
        a.UserIds.Order().ShouldBe(["ada", "bob"]);
        a.Trait("intercom", "mrr").ToString().ShouldBe("49.90");
        a.Trait("intercom", "plan").ToString().ShouldBe("Pro");
        a.Tags.ShouldBe(["beta", "vip"]);
        a.Field("name").ToString().ShouldBe("Company c1");
        var z = inputs.Single(i => i.Id.Value == zeta);
        z.CountEvents("login", Start.AddDays(-7)).ShouldBe(3, "ada belongs to zeta too: her two logins count there beside zoe's");
        z.Trait("intercom", "mrr").ToString().ShouldBe("1234.5");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_event_that_names_its_account_counts_there_alone_and_one_that_names_none_counts_on_each_of_its_users_accounts(string provider)
    {
        await using var hub = await HubAsync(provider);
        await hub.Events.RecordEventsAsync([Event("login", "ada", 3)], Token);
        await hub.Segment.RecordAccountEventsAsync(
            [(new SourceEvent("segment", "m-1", "ada", null, "login", Start.AddDays(-1), "{}"), "zeta")], Token);
        var acme = await AccountIdAsync(hub, "acme");
        var zeta = await AccountIdAsync(hub, "zeta");

        var inputs = await hub.Model.LoadAccountInputsAsync([acme, zeta], ["login"], Token);

        var a = inputs.Single(i => i.Id.Value == acme);
        a.CountEvents("login", DateTimeOffset.MinValue).ShouldBe(1, "Intercom's event names no account: it counts on both of ada's; Segment's named zeta");
        a.LastEventAt(null).ShouldBe(Start.AddDays(-3));
        var z = inputs.Single(i => i.Id.Value == zeta);
        z.CountEvents("login", DateTimeOffset.MinValue).ShouldBe(2);
        z.LastEventAt(null).ShouldBe(Start.AddDays(-1));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_computed_state_is_kept_whole_and_carries_its_indicators_activation_to_the_next_computation(string provider)
    {
        await using var hub = await HubAsync(provider);
        var acme = await AccountIdAsync(hub, "acme");
        var catalog = await hub.Model.ReadModelCatalogAsync(Token);
        catalog.Traits.ShouldContain("intercom.mrr");
        var model = AccountModel.Load(
            """
            { "mrr": { "trait": "intercom.mrr", "currency": "EUR" },
              "owner": { "trait": "intercom.owner" },
              "indicators": [ { "name": "Quiet", "kind": "risk", "rule": "days_since_last_seen >= 0" } ] }
            """, catalog).Model.ShouldNotBeNull();
        var inputs = (await hub.Model.LoadAccountInputsAsync([acme], [], Token)).Single();

        var first = model.Evaluate(inputs, null, Start);
        await hub.Model.SaveAccountStatesAsync([first], 1, Token);
        var previous = (await hub.Model.GetAccountStatesAsync([acme], Token))[acme];
        var second = model.Evaluate(inputs, previous, Start.AddDays(1));
        await hub.Model.SaveAccountStatesAsync([second], 1, Token);

        previous.AccountId.ShouldBe(new AccountId(acme));
        (previous.Mrr, previous.Currency, previous.OwnerUserId).ShouldBe((49.90m, "EUR", "bob"));
        var stored = (await hub.Model.GetAccountStatesAsync([acme], Token))[acme];
        stored.Indicator("Quiet").ShouldNotBeNull().ActivatedAt.ShouldBe(Start, "still active: its activation date is carried");
        stored.ComputedAt.ShouldBe(Start.AddDays(1));
        (await hub.QueryAsync<string>("SELECT type FROM account_states")).ShouldBe(["subscribed"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Definitions_are_versioned_and_every_earlier_version_is_kept(string provider)
    {
        await using var hub = await HubAsync(provider);

        await hub.Model.SaveModelDefinitionsAsync("""{"metrics":[]}""", "ada@example.test", Token);
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = await hub.Model.SaveModelDefinitionsAsync("""{"segments":[]}""", "bob@example.test", Token);

        second.Version.ShouldBe(2);
        (await hub.Model.GetModelDefinitionsAsync(Token)).ShouldNotBeNull().SavedBy.ShouldBe("bob@example.test");
        var versions = await hub.Model.ListModelDefinitionsAsync(10, Token);
        versions.Select(v => (v.Version, v.SavedBy, v.SavedAt)).ShouldBe([(2, "bob@example.test", Start.AddMinutes(5)), (1, "ada@example.test", Start)]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_change_reaches_the_accounts_of_its_company_contact_or_user_and_no_others(string provider)
    {
        await using var hub = await HubAsync(provider);
        var acme = await AccountIdAsync(hub, "acme");
        var zeta = await AccountIdAsync(hub, "zeta");

        (await hub.Model.FindAccountsReachedAsync(Intercom, ["c1"], [], [], Token)).ShouldBe([acme]);
        (await hub.Model.FindAccountsReachedAsync(Intercom, [], ["u3"], [], Token)).ShouldBe([zeta]);
        (await hub.Model.FindAccountsReachedAsync(Intercom, [], [], ["ada"], Token)).ShouldBe(new[] { acme, zeta }.Order());
        (await hub.Model.FindAccountsReachedAsync(Intercom, [], [], ["nobody"], Token)).ShouldBeEmpty();
    }
}
