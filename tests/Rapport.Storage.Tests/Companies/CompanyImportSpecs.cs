using Rapport.Hub.Accounts;
using Rapport.Hub.Sources;

namespace Rapport.Storage.Tests.Companies;

public sealed class CompanyImportSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_qualified_company_becomes_an_account_with_its_tags_segments_and_custom_attributes(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var company = Company("c1", "acme", "Acme Inc.");

        var result = await hub.Sources.ApplyCompaniesAsync([Qualified(company)], "run-1", cancellationToken: Token);

        result.ShouldBe(new CompanyBatchResult(Created: 1, Updated: 0, Unchanged: 0, Deactivated: 0, NotImported: 0));
        var account = (await hub.Browse.FindAccountAsync("acme", Token)).ShouldNotBeNull();
        account.Name.ShouldBe("Acme Inc.");
        account.Status.ShouldBe(RecordStatus.Active);
        var source = account.Sources.ShouldHaveSingleItem();
        source.ShouldSatisfyAllConditions(
            () => source.Source.ShouldBe("intercom"),
            () => source.SourceId.ShouldBe("c1"),
            () => source.Plan.ShouldBe("Pro"),
            () => source.MonthlySpend.ShouldBe(1234.50m),
            () => source.UserCount.ShouldBe(12),
            () => source.LastSeenAt.ShouldBe(Start.AddHours(-5)),
            () => source.LastSeenAt!.Value.Offset.ShouldBe(TimeSpan.Zero),
            () => source.Tags.ShouldBe(["beta", "vip"]),
            () => source.Segments.ShouldBe(["Active"]),
            () => source.Qualified.ShouldBeTrue());
        System.Text.Json.JsonDocument.Parse(source.CustomAttributesJson).RootElement.GetProperty("tier").GetString().ShouldBe("gold");
        source.RawJson.ShouldBe(company.RawJson);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_same_external_id_from_a_second_source_is_the_same_account_with_two_source_links(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme"))], "run-1", cancellationToken: Token);

        var result = await hub.Sources.ApplyCompaniesAsync([Qualified(Company("crm-9", "acme", source: "crm"))], "run-2", cancellationToken: Token);

        result.Created.ShouldBe(0);
        var account = (await hub.Browse.FindAccountAsync("acme", Token)).ShouldNotBeNull();
        account.Sources.Select(s => (s.Source, s.SourceId)).ShouldBe([("crm", "crm-9"), ("intercom", "c1")]);
        (await hub.Browse.CountAsync(Token)).ActiveAccounts.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_unchanged_batch_writes_nothing(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        List<Hub.Sources.CompanyDecision> batch = [Qualified(Company("c1", "acme")), Qualified(Company("c2", "globex"))];
        await hub.Sources.ApplyCompaniesAsync(batch, "run-1", cancellationToken: Token);
        var before = await WriteTimesAsync(hub);
        _time.Advance(TimeSpan.FromHours(1));

        var result = await hub.Sources.ApplyCompaniesAsync(batch, "run-2", cancellationToken: Token);

        result.ShouldBe(new CompanyBatchResult(Created: 0, Updated: 0, Unchanged: 2, Deactivated: 0, NotImported: 0));
        (await WriteTimesAsync(hub)).ShouldBe(before);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_changed_company_is_rewritten_and_renames_its_account(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme"))], "run-1", cancellationToken: Token);

        var renamed = Company("c1", "acme", "Acme Holdings") with { Tags = ["enterprise"], MonthlySpend = 99.90m };
        var result = await hub.Sources.ApplyCompaniesAsync([Qualified(renamed)], "run-2", cancellationToken: Token);

        result.Updated.ShouldBe(1);
        var account = (await hub.Browse.FindAccountAsync("acme", Token)).ShouldNotBeNull();
        account.Name.ShouldBe("Acme Holdings");
        account.Sources.Single().Tags.ShouldBe(["enterprise"]);
        account.Sources.Single().MonthlySpend.ShouldBe(99.90m);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_company_that_stops_qualifying_leaves_its_account_inactive_with_the_reason_until_it_qualifies_again(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var company = Company("c1", "acme");
        await hub.Sources.ApplyCompaniesAsync([Qualified(company)], "run-1", cancellationToken: Token);

        var dropped = await hub.Sources.ApplyCompaniesAsync([NotQualified(company, "plan is free")], "run-2", cancellationToken: Token);
        var inactive = await hub.Browse.FindAccountAsync("acme", Token);
        var revived = await hub.Sources.ApplyCompaniesAsync([Qualified(company)], "run-3", cancellationToken: Token);
        var active = await hub.Browse.FindAccountAsync("acme", Token);

        dropped.Deactivated.ShouldBe(1);
        inactive.ShouldNotBeNull().Status.ShouldBe(RecordStatus.Inactive);
        inactive.StatusReason.ShouldBe("plan is free");
        inactive.Sources.Single().Qualified.ShouldBeFalse();
        revived.Updated.ShouldBe(1);
        active.ShouldNotBeNull().Status.ShouldBe(RecordStatus.Active);
        active.StatusReason.ShouldBeNull();
        active.Id.ShouldBe(inactive.Id);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_company_never_imported_and_not_qualified_writes_nothing(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        var result = await hub.Sources.ApplyCompaniesAsync(
            [NotQualified(Company("c1", "acme"), "plan is free"), Qualified(Company("c2", externalId: null))], "run-1", cancellationToken: Token);

        result.ShouldBe(new CompanyBatchResult(Created: 0, Updated: 0, Unchanged: 0, Deactivated: 0, NotImported: 2));
        (await hub.Browse.FindAccountAsync("acme", Token)).ShouldBeNull();
        (await hub.QueryAsync<long>("SELECT COUNT(*) FROM source_companies")).ShouldBe([0L]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Companies_missing_from_a_complete_pass_deactivate_their_accounts(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme")), Qualified(Company("c2", "globex"))], "run-1", cancellationToken: Token);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme"))], "run-2", cancellationToken: Token);

        var deactivated = await hub.Sources.DeactivateUnseenCompaniesAsync("intercom", "run-2", "deleted in Intercom", Token);

        deactivated.ShouldBe(1);
        var globex = (await hub.Browse.FindAccountAsync("globex", Token)).ShouldNotBeNull();
        globex.Status.ShouldBe(RecordStatus.Inactive);
        globex.StatusReason.ShouldBe("deleted in Intercom");
        (await hub.Browse.FindAccountAsync("acme", Token)).ShouldNotBeNull().Status.ShouldBe(RecordStatus.Active);
        (await hub.Sources.DeactivateUnseenCompaniesAsync("intercom", "run-2", "deleted in Intercom", Token)).ShouldBe(0);

        var back = await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c2", "globex"))], "run-3", cancellationToken: Token);

        back.Updated.ShouldBe(1);
        (await hub.Browse.FindAccountAsync("globex", Token)).ShouldNotBeNull().Status.ShouldBe(RecordStatus.Active);
    }

    private static async Task<List<string>> WriteTimesAsync(TestStore hub)
    {
        var accounts = await hub.QueryAsync<(string, object)>("SELECT external_id, updated_at FROM accounts");
        var companies = await hub.QueryAsync<(string, object)>("SELECT source_id, written_at FROM source_companies");
        return [.. accounts.Select(r => $"account {r.Item1} {r.Item2}").Concat(companies.Select(r => $"company {r.Item1} {r.Item2}")).Order(StringComparer.Ordinal)];
    }
}
