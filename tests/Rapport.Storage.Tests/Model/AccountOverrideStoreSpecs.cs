using Rapport.Hub.Model;
using Rapport.Hub.Accounts;

namespace Rapport.Storage.Tests.Model;

public sealed class AccountOverrideStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(TestStore Hub, long Acme, long Zeta)> HubAsync(string provider)
    {
        var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme")), Qualified(Company("c2", "zeta"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1"), Contact("u2", "bob", "c1")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        var ids = await hub.QueryAsync<(long Id, string ExternalId)>("SELECT id, external_id FROM accounts");
        return (hub, ids.Single(i => i.ExternalId == "acme").Id, ids.Single(i => i.ExternalId == "zeta").Id);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_owner_set_by_hand_is_kept_with_who_and_when_and_reaches_the_accounts_inputs_until_cleared(string provider)
    {
        var (hub, acme, zeta) = await HubAsync(provider);
        await using var _ = hub;

        await hub.Model.SetManualOwnerAsync(new AccountId(acme), new ManualOwner("ada", "kim@example.com", Start), Token);
        await hub.Model.SetManualOwnerAsync(new AccountId(acme), new ManualOwner("bob", "lee@example.com", Start.AddHours(1)), Token);

        (await hub.Model.GetAccountOverridesAsync(new AccountId(acme), Token)).Owner.ShouldBe(new ManualOwner("bob", "lee@example.com", Start.AddHours(1)));
        (await hub.Model.GetAccountOverridesAsync(new AccountId(zeta), Token)).Owner.ShouldBeNull();
        var inputs = await hub.Model.LoadAccountInputsAsync([acme, zeta], [], Token);
        inputs.Single(i => i.Id.Value == acme).ManualOwnerUserId.ShouldBe("bob");
        inputs.Single(i => i.Id.Value == zeta).ManualOwnerUserId.ShouldBeNull();

        (await hub.Model.ClearManualOwnerAsync(new AccountId(acme), Token)).ShouldBeTrue();
        (await hub.Model.ClearManualOwnerAsync(new AccountId(acme), Token)).ShouldBeFalse("nothing is left to clear");
        (await hub.Model.LoadAccountInputsAsync([acme], [], Token)).Single().ManualOwnerUserId.ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Segment_memberships_by_hand_are_kept_per_account_and_segment_in_or_out(string provider)
    {
        var (hub, acme, zeta) = await HubAsync(provider);
        await using var _ = hub;

        await hub.Model.SetManualSegmentAsync(new AccountId(acme), new ManualSegment("Enterprise", false, "kim@example.com", Start), Token);
        await hub.Model.SetManualSegmentAsync(new AccountId(acme), new ManualSegment("Watch list", true, "kim@example.com", Start), Token);
        await hub.Model.SetManualSegmentAsync(new AccountId(zeta), new ManualSegment("Watch list", true, "lee@example.com", Start), Token);
        await hub.Model.SetManualSegmentAsync(new AccountId(acme), new ManualSegment("Enterprise", true, "lee@example.com", Start.AddMinutes(5)), Token);

        (await hub.Model.GetAccountOverridesAsync(new AccountId(acme), Token)).Segments.ShouldBe(
            [new ManualSegment("Enterprise", true, "lee@example.com", Start.AddMinutes(5)), new ManualSegment("Watch list", true, "kim@example.com", Start)]);
        var inputs = (await hub.Model.LoadAccountInputsAsync([acme], [], Token)).Single();
        inputs.ManualSegments["enterprise"].ShouldBeTrue("segment names are matched whatever their case");

        (await hub.Model.ClearManualSegmentAsync(new AccountId(acme), "Watch list", Token)).ShouldBeTrue();
        (await hub.Model.GetAccountOverridesAsync(new AccountId(acme), Token)).Segments.Select(s => s.Segment).ShouldBe(["Enterprise"]);
        (await hub.Model.GetAccountOverridesAsync(new AccountId(zeta), Token)).Segments.Select(s => s.Segment).ShouldBe(["Watch list"], "another account keeps its own");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_indicator_marked_addressed_keeps_its_activation_who_and_when(string provider)
    {
        var (hub, acme, _) = await HubAsync(provider);
        await using var __ = hub;
        var mark = new IndicatorAddressed(Start.AddDays(-2), "kim@example.com", Start);

        await hub.Model.MarkIndicatorAddressedAsync(new AccountId(acme), "Churn Risk", mark, Token);

        (await hub.Model.GetAccountOverridesAsync(new AccountId(acme), Token)).Addressed["churn risk"].ShouldBe(mark);
        (await hub.Model.LoadAccountInputsAsync([acme], [], Token)).Single().AddressedIndicators["Churn Risk"].ShouldBe(mark);
    }
}
