using Rapport.Hub.Push;

namespace Rapport.Storage.Tests.Push;

/// <summary>What the push reads and records, the same on SQLite and PostgreSQL.</summary>
public sealed class PushStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>acme (c1) with ada and bob; zeta (c2) with zoe and ada; gone (c3) no longer qualifies.</summary>
    private async Task<TestStore> HubAsync(string provider)
    {
        var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync(
            [Qualified(Company("c1", "acme")), Qualified(Company("c2", "zeta")), Qualified(Company("c3", "gone"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync(
            [Contact("u1", "ada", "c1", "c2"), Contact("u2", "bob", "c1"), Contact("u3", "zoe", "c2")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        await hub.Sources.ApplyCompaniesAsync([NotQualified(Company("c3", "gone"), "plan changed")], "run-2", cancellationToken: Token);
        return hub;
    }

    private static async Task<long> AccountIdAsync(TestStore hub, string externalId) =>
        (await hub.QueryAsync<long>("SELECT id FROM accounts WHERE external_id = @externalId", new { externalId })).Single();

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Push_targets_are_the_imported_companies_of_active_accounts_with_their_users_contacts(string provider)
    {
        await using var hub = await HubAsync(provider);
        long[] ids = [await AccountIdAsync(hub, "acme"), await AccountIdAsync(hub, "zeta"), await AccountIdAsync(hub, "gone")];

        var targets = await hub.Push.LoadPushTargetsAsync(Intercom, ids, cancellationToken: Token);

        targets.Select(t => (t.AccountExternalId, t.CompanySourceId)).ShouldBe([("acme", "c1"), ("zeta", "c2")]);
        targets[0].Contacts.ShouldBe([new PushContact("u1", "ada"), new PushContact("u2", "bob")]);
        targets[1].Contacts.ShouldBe([new PushContact("u1", "ada"), new PushContact("u3", "zoe")]);
        (await hub.Push.LoadPushTargetsAsync("hubspot", ids, cancellationToken: Token)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_contact_says_whether_its_imported_custom_attributes_hold_true_for_the_flag(string provider)
    {
        await using var hub = await HubAsync(provider);
        await hub.Sources.MirrorContactsAsync(
        [
            Contact("u1", "ada", "c1", "c2") with { CustomAttributesJson = """{"Vitally Account Owner": true}""" },
            Contact("u2", "bob", "c1") with { CustomAttributesJson = """{"Vitally Account Owner": "true"}""" },
            Contact("u3", "zoe", "c2") with { CustomAttributesJson = """{"Vitally Account Owner": false}""" },
        ], "run-3", cancellationToken: Token);
        long[] ids = [await AccountIdAsync(hub, "acme"), await AccountIdAsync(hub, "zeta")];

        var targets = await hub.Push.LoadPushTargetsAsync(Intercom, ids, "Vitally Account Owner", Token);

        targets[0].Contacts.ShouldBe([new PushContact("u1", "ada", Flagged: true), new PushContact("u2", "bob")], "a text \"true\" is no boolean flag");
        targets[1].Contacts.ShouldBe([new PushContact("u1", "ada", Flagged: true), new PushContact("u3", "zoe")]);
        (await hub.Push.LoadPushTargetsAsync(Intercom, ids, "Rapport Account Owner", Token)).SelectMany(t => t.Contacts).ShouldAllBe(c => !c.Flagged);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task What_was_last_pushed_is_kept_per_target_and_replaced_whole(string provider)
    {
        await using var hub = await HubAsync(provider);

        await hub.Push.SavePushSnapshotAsync("company", "c1", """{"Rapport Type":"trial","Rapport Health":7}""", Token);
        await hub.Push.SavePushSnapshotAsync("company", "c1", """{"Rapport Type":"subscribed"}""", Token);
        await hub.Push.SavePushSnapshotAsync("contact", "c1", """{"Rapport Account Owner":true}""", Token);

        var companies = await hub.Push.GetPushSnapshotsAsync("company", ["c1", "c2"], Token);
        companies.Keys.ShouldBe(["c1"]);
        using var pushed = System.Text.Json.JsonDocument.Parse(companies["c1"]);
        pushed.RootElement.EnumerateObject().Select(p => $"{p.Name}={p.Value}").ShouldBe(["Rapport Type=subscribed"]);
        (await hub.Push.GetPushSnapshotsAsync("contact", ["c1"], Token))["c1"].ShouldContain("true");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pushed_attributes_are_added_once_and_keep_their_first_push_while_their_archiving_is_recorded(string provider)
    {
        await using var hub = await HubAsync(provider);
        var later = Start.AddDays(2);

        await hub.Push.SavePushedAttributesAsync([new("company", "Rapport Type", "string", Start), new("contact", "Rapport Account Owner", "boolean", Start)], Token);
        await hub.Push.SavePushedAttributesAsync([new("company", "Rapport Type", "string", later, later)], Token);

        (await hub.Push.ListPushedAttributesAsync(Token)).ShouldBe(
        [
            new PushedAttribute("company", "Rapport Type", "string", Start, later),
            new PushedAttribute("contact", "Rapport Account Owner", "boolean", Start),
        ]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_newest_state_computation_is_known(string provider)
    {
        await using var hub = await HubAsync(provider);
        (await hub.Push.LastAccountStateComputedAtAsync(Token)).ShouldBeNull();

        var state = new Hub.Model.AccountState(new(await AccountIdAsync(hub, "acme")), Start.AddHours(3), null, null, Hub.Model.AccountType.Trial,
            new Dictionary<string, long>(), new Dictionary<string, decimal?>(), [], [], new Dictionary<string, decimal?>(), null, null, []);
        await hub.Model.SaveAccountStatesAsync([state], 1, Token);

        (await hub.Push.LastAccountStateComputedAtAsync(Token)).ShouldBe(Start.AddHours(3));
    }
}
