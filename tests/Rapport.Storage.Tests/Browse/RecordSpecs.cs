using System.Text.Json;
using Rapport.Hub.Accounts;
using Rapport.Storage.Tests.Model;
using Rapport.Hub.Users;

namespace Rapport.Storage.Tests.Browse;

/// <summary>One account or user with everything the source gave; users lists with their filters; the filters' facets.</summary>
public sealed class RecordSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<long> AccountIdAsync(TestStore hub, string externalId) =>
        (await hub.Browse.ListAccountsAsync(new AccountQuery { Search = externalId, Status = StatusFilter.All }, Token)).Rows.Single(r => r.ExternalId == externalId).Id.Value;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_account_shows_every_field_of_its_company_and_its_users(string provider)
    {
        // Arrange
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);
        var id = await AccountIdAsync(hub, "Ext-02");

        // Act
        var account = (await hub.Browse.GetAccountAsync(new AccountId(id), cancellationToken: Token)).ShouldNotBeNull();

        // Assert
        account.Name.ShouldBe("ACME Labs");
        var decision = account.Sources.ShouldHaveSingleItem();
        decision.Qualified.ShouldBeTrue();
        var company = decision.Company;
        (company.Source, company.SourceId, company.ExternalId, company.Plan, company.MonthlySpend).ShouldBe((Intercom, "c02", "Ext-02", "Enterprise", 200.50m));
        (company.UserCount, company.SessionCount, company.Size, company.Industry, company.Website).ShouldBe((12L, 345L, 50L, "Software", "https://c02.example"));
        (company.CreatedAt, company.LastSeenAt).ShouldBe((Start, Start.AddDays(-2)));
        company.Tags.ShouldBe(["all", "vip"]);
        company.Segments.ShouldBe(["Dormant"]);
        using var attributes = JsonDocument.Parse(company.CustomAttributesJson);
        attributes.RootElement.GetProperty("tier").GetString().ShouldBe("gold");
        attributes.RootElement.GetProperty("seats").GetInt32().ShouldBe(2);
        company.RawJson.ShouldContain("\"id\":\"c02\"");
        account.UserCount.ShouldBe(3);
        account.Users.Select(u => u.Name).ShouldBe(["Ada Lovelace", "Person 0 of c02", "Person 1 of c02"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_accounts_users_are_capped_with_their_count(string provider)
    {
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);

        var account = (await hub.Browse.GetAccountAsync(new AccountId(await AccountIdAsync(hub, "Ext-03")), userLimit: 2, Token)).ShouldNotBeNull();

        account.Users.Count.ShouldBe(2);
        account.UserCount.ShouldBe(4);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Unknown_ids_find_nothing(string provider)
    {
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);

        (await hub.Browse.GetAccountAsync(new AccountId(999_999), cancellationToken: Token)).ShouldBeNull();
        (await hub.Browse.GetUserAsync(new UserId(999_999), Token)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_user_shows_its_contact_its_segments_and_its_accounts(string provider)
    {
        // Arrange
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);
        var row = (await hub.Browse.ListUsersAsync(new UserQuery { Search = "ada@" }, Token)).Rows.ShouldHaveSingleItem();

        // Act
        var user = (await hub.Browse.GetUserAsync(row.Id, Token)).ShouldNotBeNull();

        // Assert
        row.AccountCount.ShouldBe(3);
        row.LastSeenAt.ShouldBe(Start.AddMinutes(-30));
        (user.ExternalId, user.Name, user.Email, user.Status).ShouldBe(("ADA-1", "Ada Lovelace", "Ada@Example.com", RecordStatus.Active));
        var contact = user.Sources.ShouldHaveSingleItem();
        contact.SourceId.ShouldBe("ada");
        contact.Segments.ShouldBe(["Champions"]);
        contact.Tags.ShouldBe(["newsletter"]);
        contact.CustomAttributesJson.ShouldContain("owner");
        user.Accounts.Select(a => a.ExternalId).ShouldBe(["Ext-01", "Ext-02", "Ext-03"]); // by name: Acme, ACME Labs, Globex
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Users_filter_by_account_tag_segment_and_attribute_and_page_without_repeats(string provider)
    {
        // Arrange
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);
        async Task<List<string>> IdsAsync(UserQuery query)
        {
            var ids = new List<string>();
            var page = await hub.Browse.ListUsersAsync(query with { PageSize = 4 }, Token);
            ids.AddRange(page.Rows.Select(r => r.ExternalId));
            while (page.Next is { } next)
            {
                page = await hub.Browse.ListUsersAsync(query with { PageSize = 4, Cursor = next }, Token);
                ids.AddRange(page.Rows.Select(r => r.ExternalId));
            }

            return ids;
        }

        // Act
        var all = await IdsAsync(new UserQuery());
        var byEmail = await IdsAsync(new UserQuery { Sort = UserSort.Email, Descending = true });
        var ofC03 = await IdsAsync(new UserQuery { AccountId = await AccountIdAsync(hub, "Ext-03") });

        // Assert
        var expected = Enumerable.Range(0, BrowseData.ActiveAccounts).Sum(i => i % 4) + 1;
        all.Count.ShouldBe(expected);
        all.Distinct().Count().ShouldBe(expected);
        byEmail.Order(StringComparer.Ordinal).ShouldBe(all.Order(StringComparer.Ordinal));
        byEmail[^1].ShouldBe("ADA-1", "ada@example.com sorts before every p…@example.com");
        ofC03.ShouldBe(["ADA-1", "person-03-0", "person-03-1", "person-03-2"]);
        (await IdsAsync(new UserQuery { Tag = "first" })).Count.ShouldBe(Enumerable.Range(0, BrowseData.ActiveAccounts).Count(i => i % 4 > 0));
        (await IdsAsync(new UserQuery { Segment = "Champions" })).ShouldBe(["ADA-1"]);
        (await IdsAsync(new UserQuery { Attribute = new("role", "owner") })).ShouldBe(["ADA-1"]);
        (await IdsAsync(new UserQuery { Search = "PERSON-01" })).ShouldBe(["person-01-0"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Users_filter_by_the_plan_and_model_values_of_their_accounts(string provider)
    {
        // Arrange: ada is in c01 (Basic), c02 (Enterprise) and c03 (no plan).
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);
        var (c02, c03) = (await AccountIdAsync(hub, "Ext-02"), await AccountIdAsync(hub, "Ext-03"));
        await hub.Model.SaveAccountStatesAsync(
        [
            ModelStates.State(c02, Start, mrr: 500m, segments: ["Enterprise"], owner: "ADA-1"),
            ModelStates.State(c03, Start, mrr: 10m, type: Rapport.Hub.Model.AccountType.Trial, indicators: ["Churn risk"]),
        ], 1, Token);
        async Task<List<string>> IdsAsync(AccountMatch match)
        {
            var ids = new List<string>();
            var page = await hub.Browse.ListUsersAsync(new UserQuery { OfAccounts = match, PageSize = 2 }, Token);
            ids.AddRange(page.Rows.Select(r => r.ExternalId));
            while (page.Next is { } next)
            {
                page = await hub.Browse.ListUsersAsync(new UserQuery { OfAccounts = match, PageSize = 2, Cursor = next }, Token);
                ids.AddRange(page.Rows.Select(r => r.ExternalId));
            }

            return ids;
        }

        // Act + Assert
        (await IdsAsync(new AccountMatch { Plan = "Enterprise" })).ShouldBe(
            ["ADA-1", .. Enumerable.Range(0, BrowseData.ActiveAccounts).Where(i => i % 4 == 2).SelectMany(i => new[] { $"person-{i:D2}-0", $"person-{i:D2}-1" })],
            ignoreOrder: true);
        (await IdsAsync(new AccountMatch { ModelType = "trial" })).ShouldBe(["ADA-1", "person-03-0", "person-03-1", "person-03-2"], ignoreOrder: true);
        (await IdsAsync(new AccountMatch { MemberOf = "enterprise", Owner = "ADA-1" })).ShouldBe(["ADA-1", "person-02-0", "person-02-1"], ignoreOrder: true);
        (await IdsAsync(new AccountMatch { Values = [Value("mrr >= 100")] })).ShouldBe(["ADA-1", "person-02-0", "person-02-1"], ignoreOrder: true);
        (await IdsAsync(new AccountMatch { Indicator = "Churn risk", Values = [Value("mrr < 100")] })).ShouldBe(["ADA-1", "person-03-0", "person-03-1", "person-03-2"], ignoreOrder: true);
        (await IdsAsync(new AccountMatch { Indicator = "Churn risk", Plan = "Enterprise" })).ShouldBeEmpty("no one account holds both, though ada's accounts do between them");
    }

    private static ModelValueFilter Value(string text) =>
        ModelValueFilter.TryParse(text, out var filter, out var problem) ? filter! : throw new ArgumentException(problem);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Facets_count_the_records_with_each_tag_segment_and_plan_and_name_every_attribute(string provider)
    {
        // Arrange
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);

        // Act
        var accounts = await hub.Browse.GetAccountFacetsAsync(cancellationToken: Token);
        var users = await hub.Browse.GetUserFacetsAsync(cancellationToken: Token);

        // Assert
        accounts.Tags.ShouldBe([new FacetValue("all", 38), new FacetValue("vip", 19)]); // the inactive account's company counts too
        accounts.Segments.ShouldBe([new FacetValue("Dormant", 25), new FacetValue("Active", 13)]);
        accounts.Plans.ShouldBe([new FacetValue("Basic", 10), new FacetValue("Pro", 10), new FacetValue("Enterprise", 9)]);
        accounts.AttributeNames.ShouldBe(["note", "seats", "tier", "trial"]);
        users.Tags.ShouldBe([new FacetValue("first", 27), new FacetValue("newsletter", 1)]);
        users.Segments.ShouldBe([new FacetValue("Champions", 1)]);
        users.AttributeNames.ShouldBe(["role", "seat"]);
    }
}
