using Rapport.Hub.Accounts;

namespace Rapport.Storage.Tests.Users;

/// <summary>The webhook worker's derivation: only the users a batch touched, with the same result a whole derivation gives them.</summary>
public sealed class ScopedDerivationSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>ada (u1) in acme (c1), bob (u2) in globex (c2), both imported and derived.</summary>
    private async Task<TestStore> TwoAccountsAsync(string provider)
    {
        var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme")), Qualified(Company("c2", "globex"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1"), Contact("u2", "bob", "c2")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        return hub;
    }

    private static async Task<IReadOnlyList<string>> AccountsOfAsync(TestStore hub, string externalId) =>
        (await hub.Browse.FindUserAsync(externalId, Token)).ShouldNotBeNull().AccountExternalIds;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_touched_user_follows_the_mirror_and_an_untouched_one_waits_for_its_own_turn(string provider)
    {
        await using var hub = await TwoAccountsAsync(provider);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1", "c2"), Contact("u2", "bob")], "webhook", cancellationToken: Token);

        var changed = await hub.Sources.DeriveUsersAsync(Intercom, ["ada"], [], Token);

        (await AccountsOfAsync(hub, "ada")).Order().ToList().ShouldBe(["acme", "globex"]);
        (await AccountsOfAsync(hub, "bob")).ShouldBe(["globex"], "bob was not in the scope");
        changed.ShouldBe(0, "ada's name and email did not change, only her memberships");

        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        var bob = (await hub.Browse.FindUserAsync("bob", Token)).ShouldNotBeNull();
        bob.Status.ShouldBe(RecordStatus.Inactive);
        (await AccountsOfAsync(hub, "ada")).Order().ToList().ShouldBe(["acme", "globex"], "the whole derivation agrees with the scoped one");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_company_that_stops_qualifying_takes_its_users_memberships_through_the_company_scope(string provider)
    {
        await using var hub = await TwoAccountsAsync(provider);
        await hub.Sources.ApplyCompaniesAsync([NotQualified(Company("c2", "globex"), "plan is Free")], "webhook", cancellationToken: Token);

        var changed = await hub.Sources.DeriveUsersAsync(Intercom, [], ["c2"], Token);

        changed.ShouldBe(1);
        var bob = (await hub.Browse.FindUserAsync("bob", Token)).ShouldNotBeNull();
        bob.Status.ShouldBe(RecordStatus.Inactive);
        bob.AccountExternalIds.ShouldBeEmpty();
        (await AccountsOfAsync(hub, "ada")).ShouldBe(["acme"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_contact_whose_user_id_changed_moves_its_memberships_to_the_new_user_when_both_ids_are_in_scope(string provider)
    {
        await using var hub = await TwoAccountsAsync(provider);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada-2", "c1")], "webhook", cancellationToken: Token);

        await hub.Sources.DeriveUsersAsync(Intercom, ["ada", "ada-2"], [], Token);

        (await AccountsOfAsync(hub, "ada-2")).ShouldBe(["acme"]);
        var old = (await hub.Browse.FindUserAsync("ada", Token)).ShouldNotBeNull();
        old.Status.ShouldBe(RecordStatus.Inactive);
        old.AccountExternalIds.ShouldBeEmpty();
    }
}
