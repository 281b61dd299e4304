using Rapport.Hub.Accounts;

namespace Rapport.Storage.Tests.Browse;

public sealed class AccountListSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<List<AccountRow>> FollowAsync(IBrowseStore store, AccountQuery query)
    {
        var rows = new List<AccountRow>();
        var page = await store.ListAccountsAsync(query, Token);
        rows.AddRange(page.Rows);
        while (page.Next is { } next)
        {
            page = await store.ListAccountsAsync(query with { Cursor = next }, Token);
            rows.AddRange(page.Rows);
        }

        return rows;
    }

    /// <summary>The sort key as the list defines it: ASCII-lower-cased names, missing values first.</summary>
    private static IComparable Key(AccountRow row, AccountSort sort) => sort switch
    {
        AccountSort.Name => string.Concat((row.Name ?? "").Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c)),
        AccountSort.LastSeen => row.LastSeenAt?.ToUnixTimeMilliseconds() ?? 0,
        AccountSort.MonthlySpend => row.MonthlySpend ?? -1,
        AccountSort.UserCount => row.UserCount,
        _ => row.CreatedAt?.ToUnixTimeMilliseconds() ?? 0,
    };

    private static int Compare(AccountRow a, AccountRow b, AccountSort sort)
    {
        var byKey = Key(a, sort) is string s ? string.CompareOrdinal(s, (string)Key(b, sort)) : Key(a, sort).CompareTo(Key(b, sort));
        return byKey != 0 ? byKey : a.Id.Value.CompareTo(b.Id.Value);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Following_cursors_visits_every_account_once_in_order_for_every_sort_both_ways(string provider)
    {
        // Arrange
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);

        // The account model's sorts have their own spec (AccountModelListSpecs): these accounts have no model values.
        foreach (var sort in Enum.GetValues<AccountSort>().Where(s => s <= AccountSort.Created))
        {
            foreach (var descending in new[] { false, true })
            {
                // Act
                var rows = await FollowAsync(hub.Browse, new AccountQuery { Sort = sort, Descending = descending, PageSize = 4 });

                // Assert
                var because = $"sorted by {sort} {(descending ? "desc" : "asc")}";
                rows.Count.ShouldBe(BrowseData.ActiveAccounts, because);
                rows.Select(r => r.Id).Distinct().Count().ShouldBe(BrowseData.ActiveAccounts, because);
                for (var i = 1; i < rows.Count; i++)
                    (Compare(rows[i - 1], rows[i], sort) * (descending ? -1 : 1)).ShouldBeLessThan(0, $"{because}: {rows[i - 1].Name} before {rows[i].Name}");
            }
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Previous_links_walk_back_through_the_same_pages(string provider)
    {
        // Arrange
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);
        var query = new AccountQuery { Sort = AccountSort.MonthlySpend, Descending = true, PageSize = 5 };
        var forward = new List<IReadOnlyList<AccountRow>>();
        var page = await hub.Browse.ListAccountsAsync(query, Token);
        forward.Add(page.Rows);
        page.Previous.ShouldBeNull("the first page has no previous page");
        while (page.Next is { } next)
        {
            page = await hub.Browse.ListAccountsAsync(query with { Cursor = next }, Token);
            forward.Add(page.Rows);
        }

        // Act
        var backward = new List<IReadOnlyList<AccountRow>> { page.Rows };
        while (page.Previous is { } previous)
        {
            page = await hub.Browse.ListAccountsAsync(query with { Cursor = previous }, Token);
            backward.Add(page.Rows);
        }

        // Assert
        backward.Reverse();
        backward.Select(p => p.Select(r => r.Id).ToList()).ShouldBe(forward.Select(p => p.Select(r => r.Id).ToList()));
        forward.Count.ShouldBe(8); // 37 rows, 5 a page
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rows_show_the_accounts_fields_tags_and_linked_users(string provider)
    {
        // Arrange
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);

        // Act
        var rows = await FollowAsync(hub.Browse, new AccountQuery { PageSize = 200 });

        // Assert
        var c02 = rows.Single(r => r.ExternalId == "Ext-02");
        c02.Name.ShouldBe("ACME Labs");
        c02.Status.ShouldBe(RecordStatus.Active);
        c02.Plan.ShouldBe("Enterprise");
        c02.MonthlySpend.ShouldBe(200.50m);
        c02.LastSeenAt.ShouldBe(Start.AddDays(-2));
        c02.CreatedAt.ShouldBe(Start);
        c02.UserCount.ShouldBe(3); // two of its own and ada
        c02.Tags.ShouldBe(["all", "vip"]);
        var c00 = rows.Single(r => r.ExternalId == "Ext-00");
        (c00.Plan, c00.MonthlySpend, c00.LastSeenAt, c00.CreatedAt, c00.UserCount).ShouldBe(("Pro", (decimal?)null, (DateTimeOffset?)null, (DateTimeOffset?)null, 0L));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Filters_by_status_tag_segment_plan_and_custom_attribute(string provider)
    {
        // Arrange
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);
        async Task<List<string>> IdsAsync(AccountQuery query) =>
            [.. (await FollowAsync(hub.Browse, query with { PageSize = 7 })).Select(r => r.ExternalId).Order(StringComparer.Ordinal)];
        static List<string> Expected(Func<int, bool> match) =>
            [.. Enumerable.Range(0, BrowseData.ActiveAccounts).Where(match).Select(i => $"Ext-{i:D2}")];

        // Act + Assert
        (await IdsAsync(new AccountQuery { Status = StatusFilter.Inactive })).ShouldBe(["Ext-37"]);
        (await IdsAsync(new AccountQuery { Status = StatusFilter.All })).Count.ShouldBe(BrowseData.ActiveAccounts + 1);
        (await IdsAsync(new AccountQuery { Tag = "vip" })).ShouldBe(Expected(i => i % 2 == 0));
        (await IdsAsync(new AccountQuery { Segment = "Active" })).ShouldBe(Expected(i => i % 3 == 0));
        (await IdsAsync(new AccountQuery { Plan = "Basic" })).ShouldBe(Expected(i => i % 4 == 1));
        (await IdsAsync(new AccountQuery { Attribute = new("tier", "silver") })).ShouldBe(Expected(i => i % 2 == 1));
        (await IdsAsync(new AccountQuery { Attribute = new("seats", "3") })).ShouldBe(Expected(i => i % 5 == 3));
        (await IdsAsync(new AccountQuery { Attribute = new("trial", "true") })).ShouldBe(Expected(i => i % 3 == 0));
        (await IdsAsync(new AccountQuery { Attribute = new("note", "null") })).ShouldBeEmpty();
        (await IdsAsync(new AccountQuery { Tag = "vip", Segment = "Active", Plan = "Pro" })).ShouldBe(Expected(i => i % 2 == 0 && i % 3 == 0 && i % 4 == 0));
        (await IdsAsync(new AccountQuery { Tag = "no such tag" })).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Search_matches_a_prefix_of_the_name_or_external_id_in_any_case(string provider)
    {
        // Arrange
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);
        async Task<List<string?>> NamesAsync(string search) =>
            [.. (await FollowAsync(hub.Browse, new AccountQuery { Search = search, PageSize = 3 })).Select(r => r.Name).Distinct()];

        // Act + Assert
        (await NamesAsync("acme")).ShouldBe(["acme", "Acme", "ACME Labs"], ignoreOrder: true);
        (await NamesAsync("ACME L")).ShouldBe(["ACME Labs"]);
        (await NamesAsync("cme")).ShouldBeEmpty("a search matches the start of a name");
        (await NamesAsync("émile")).ShouldBe(["émile"], "only ASCII letters fold, the same on both databases");
        (await FollowAsync(hub.Browse, new AccountQuery { Search = "ext-1" })).Select(r => r.ExternalId).ShouldBe(
            Enumerable.Range(10, 10).Select(i => $"Ext-{i}"), ignoreOrder: true);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_total_is_counted_only_when_asked_and_counts_every_match(string provider)
    {
        // Arrange
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);

        // Act
        var plain = await hub.Browse.ListAccountsAsync(new AccountQuery { PageSize = 5 }, Token);
        var counted = await hub.Browse.ListAccountsAsync(new AccountQuery { PageSize = 5, Tag = "vip", IncludeTotal = true }, Token);

        // Assert
        plain.Total.ShouldBeNull();
        counted.Total.ShouldBe(19);
        counted.Rows.Count.ShouldBe(5);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_cursor_from_another_order_or_a_damaged_one_is_refused(string provider)
    {
        // Arrange
        await using var hub = await BrowseData.SeedAsync(fixture, provider, _time);
        var next = (await hub.Browse.ListAccountsAsync(new AccountQuery { PageSize = 5 }, Token)).Next.ShouldNotBeNull();

        // Act + Assert
        (await Should.ThrowAsync<ArgumentException>(() => hub.Browse.ListAccountsAsync(new AccountQuery { Sort = AccountSort.LastSeen, Cursor = next }, Token)))
            .ParamName.ShouldBe("cursor");
        var damaged = new PageCursor("accounts", PageCursor.SortName(AccountSort.MonthlySpend), false, false, 3, "lots");
        (await Should.ThrowAsync<ArgumentException>(() => hub.Browse.ListAccountsAsync(new AccountQuery { Sort = AccountSort.MonthlySpend, Cursor = damaged }, Token)))
            .ParamName.ShouldBe("cursor");
        PageCursor.TryDecode(next.Encode(), out var decoded).ShouldBeTrue();
        decoded.ShouldBe(next);
        PageCursor.TryDecode("not a cursor!", out _).ShouldBeFalse();
    }
}
