using Rapport.Hub.Accounts;
using Rapport.Hub.Sources;

namespace Rapport.Storage.Tests.Users;

public sealed class UserDerivationSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>acme (c1) and globex (c2) are imported; initech (c3) is known to Intercom but does not qualify.</summary>
    private static async Task<TestStore> WithCompaniesAsync(StoreFixture fixture, string provider, TimeProvider time)
    {
        var hub = await fixture.OpenAsync(provider, time);
        await hub.Sources.ApplyCompaniesAsync(
            [Qualified(Company("c1", "acme")), Qualified(Company("c2", "globex")), NotQualified(Company("c3", "initech"), "plan is free")],
            "run-1", cancellationToken: Token);
        return hub;
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_user_in_two_imported_companies_gets_two_memberships(string provider)
    {
        await using var hub = await WithCompaniesAsync(fixture, provider, _time);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1", "c2", "c3")], "run-1", cancellationToken: Token);

        var derivation = await hub.Sources.DeriveUsersAsync("intercom", Token);

        derivation.ShouldBe(new UserDerivation(
            Active: 1, Created: 1, Updated: 0, Deactivated: 0, SkippedWithoutExternalId: 0, SkippedWithoutCompany: 0, Memberships: 2));
        var user = (await hub.Browse.FindUserAsync("ada", Token)).ShouldNotBeNull();
        user.Status.ShouldBe(RecordStatus.Active);
        user.Email.ShouldBe("u1@example.com");
        user.AccountExternalIds.ShouldBe(["acme", "globex"]);
        var source = user.Sources.ShouldHaveSingleItem();
        source.SourceId.ShouldBe("u1");
        source.Tags.ShouldBe(["newsletter"]);
        (await hub.Browse.FindAccountAsync("acme", Token)).ShouldNotBeNull().UserExternalIds.ShouldBe(["ada"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_contact_only_in_companies_not_imported_is_skipped_but_kept_in_the_mirror(string provider)
    {
        await using var hub = await WithCompaniesAsync(fixture, provider, _time);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c3"), Contact("u2", "bob", "c-unknown")], "run-1", cancellationToken: Token);

        var derivation = await hub.Sources.DeriveUsersAsync("intercom", Token);

        derivation.SkippedWithoutCompany.ShouldBe(2);
        derivation.Created.ShouldBe(0);
        (await hub.Browse.FindUserAsync("ada", Token)).ShouldBeNull();
        (await hub.Browse.CountAsync(Token)).ShouldBe(new HubCounts(
            ActiveAccounts: 2, InactiveAccounts: 0, ActiveUsers: 0, InactiveUsers: 0, Memberships: 0, MirroredContacts: 2));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_company_that_starts_qualifying_brings_in_its_mirrored_users(string provider)
    {
        await using var hub = await WithCompaniesAsync(fixture, provider, _time);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c3")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync("intercom", Token);

        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c3", "initech"))], "run-2", cancellationToken: Token);
        var derivation = await hub.Sources.DeriveUsersAsync("intercom", Token);

        derivation.Created.ShouldBe(1);
        (await hub.Browse.FindUserAsync("ada", Token)).ShouldNotBeNull().AccountExternalIds.ShouldBe(["initech"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_contact_without_external_id_is_counted_not_created(string provider)
    {
        await using var hub = await WithCompaniesAsync(fixture, provider, _time);
        await hub.Sources.MirrorContactsAsync([Contact("u1", null, "c1"), Contact("u2", "bob", "c1")], "run-1", cancellationToken: Token);

        var derivation = await hub.Sources.DeriveUsersAsync("intercom", Token);

        derivation.SkippedWithoutExternalId.ShouldBe(1);
        derivation.Created.ShouldBe(1);
        (await hub.Browse.CountAsync(Token)).ActiveUsers.ShouldBe(1);
        (await hub.Browse.FindAccountAsync("acme", Token)).ShouldNotBeNull().UserExternalIds.ShouldBe(["bob"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Memberships_follow_a_contact_detached_from_a_company(string provider)
    {
        await using var hub = await WithCompaniesAsync(fixture, provider, _time);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1", "c2")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync("intercom", Token);

        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c2")], "run-2", cancellationToken: Token);
        var derivation = await hub.Sources.DeriveUsersAsync("intercom", Token);

        derivation.Memberships.ShouldBe(1);
        (await hub.Browse.FindUserAsync("ada", Token)).ShouldNotBeNull().AccountExternalIds.ShouldBe(["globex"]);
        (await hub.Browse.FindAccountAsync("acme", Token)).ShouldNotBeNull().UserExternalIds.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_user_whose_only_company_stops_qualifying_becomes_inactive_with_a_reason(string provider)
    {
        await using var hub = await WithCompaniesAsync(fixture, provider, _time);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync("intercom", Token);

        await hub.Sources.ApplyCompaniesAsync([NotQualified(Company("c1", "acme"), "plan is free")], "run-2", cancellationToken: Token);
        var derivation = await hub.Sources.DeriveUsersAsync("intercom", Token);

        derivation.Deactivated.ShouldBe(1);
        derivation.Memberships.ShouldBe(0);
        var user = (await hub.Browse.FindUserAsync("ada", Token)).ShouldNotBeNull();
        user.Status.ShouldBe(RecordStatus.Inactive);
        user.StatusReason.ShouldNotBeNullOrWhiteSpace();
        user.Sources.ShouldHaveSingleItem();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_forgotten_contact_leaves_an_inactive_user(string provider)
    {
        await using var hub = await WithCompaniesAsync(fixture, provider, _time);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1"), Contact("u2", "bob", "c1")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync("intercom", Token);

        (await hub.Sources.ForgetContactsAsync("intercom", ["u1"], Token)).ShouldBe(1);
        await hub.Sources.MirrorContactsAsync([Contact("u2", "bob", "c1")], "run-2", cancellationToken: Token);
        (await hub.Sources.ForgetUnseenContactsAsync("intercom", "run-2", Token)).ShouldBe(0);
        var derivation = await hub.Sources.DeriveUsersAsync("intercom", Token);

        derivation.Deactivated.ShouldBe(1);
        derivation.Active.ShouldBe(1);
        (await hub.Browse.FindUserAsync("ada", Token)).ShouldNotBeNull().Status.ShouldBe(RecordStatus.Inactive);
        (await hub.Browse.CountAsync(Token)).MirroredContacts.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deriving_again_changes_nothing(string provider)
    {
        await using var hub = await WithCompaniesAsync(fixture, provider, _time);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1"), Contact("u2", "bob", "c1", "c2")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync("intercom", Token);

        var again = await hub.Sources.DeriveUsersAsync("intercom", Token);
        var mirroredAgain = await hub.Sources.MirrorContactsAsync(
            [Contact("u1", "ada", "c1"), Contact("u2", "bob", "c2", "c1")], "run-2", cancellationToken: Token);

        again.ShouldBe(new UserDerivation(
            Active: 2, Created: 0, Updated: 0, Deactivated: 0, SkippedWithoutExternalId: 0, SkippedWithoutCompany: 0, Memberships: 3));
        mirroredAgain.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_changed_email_updates_the_user(string provider)
    {
        await using var hub = await WithCompaniesAsync(fixture, provider, _time);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync("intercom", Token);

        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1") with { Email = "ada@lovelace.example" }], "run-2", cancellationToken: Token);
        var derivation = await hub.Sources.DeriveUsersAsync("intercom", Token);

        derivation.Updated.ShouldBe(1);
        (await hub.Browse.FindUserAsync("ada", Token)).ShouldNotBeNull().Email.ShouldBe("ada@lovelace.example");
    }
}
