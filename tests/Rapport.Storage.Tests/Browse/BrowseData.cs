using Rapport.Hub.Sources;

namespace Rapport.Storage.Tests.Browse;

/// <summary>
/// A hub of 37 imported companies whose sort keys repeat (names differing only in case, equal plans and spends, missing
/// values), one company that stopped qualifying, and users in some of them.
/// </summary>
internal static class BrowseData
{
    public const int ActiveAccounts = 37;

    private static readonly string[] Names = ["acme", "Acme", "ACME Labs", "Globex", "globex", "Initech", "Zeta", "Émile & Co", "émile", "beta"];

    private static readonly string?[] Plans = ["Pro", "Basic", "Enterprise", null];

    public static SourceCompany CompanyNumber(int i) => Company($"c{i:D2}", $"Ext-{i:D2}", Names[i % Names.Length]) with
    {
        Plan = Plans[i % Plans.Length],
        MonthlySpend = i % 5 == 0 ? null : i % 3 * 100.25m,
        LastSeenAt = i % 4 == 0 ? null : Start.AddDays(-(i % 3)),
        CreatedAt = i % 6 == 0 ? null : Start.AddDays(-(i % 2) * 10),
        Tags = i % 2 == 0 ? ["vip", "all"] : ["all"],
        Segments = [i % 3 == 0 ? "Active" : "Dormant"],
        CustomAttributesJson = $$"""{"tier": "{{(i % 2 == 0 ? "gold" : "silver")}}", "seats": {{i % 5}}, "trial": {{(i % 3 == 0 ? "true" : "false")}}, "note": null}""",
    };

    public static async Task<TestStore> SeedAsync(StoreFixture fixture, string provider, TimeProvider time)
    {
        var token = TestContext.Current.CancellationToken;
        var hub = await fixture.OpenAsync(provider, time);
        var companies = Enumerable.Range(0, ActiveAccounts + 1).Select(CompanyNumber).ToList();
        await hub.Sources.ApplyCompaniesAsync([.. companies.Select(Qualified)], "run-1", cancellationToken: token);
        // c37 stops qualifying: its account stays, inactive.
        await hub.Sources.ApplyCompaniesAsync([NotQualified(companies[^1], "plan is free")], "run-2", cancellationToken: token);

        // Users: company ci has i % 4 users; u-ada is in c01, c02 and c03.
        var contacts = new List<SourceContact>();
        for (var i = 0; i < ActiveAccounts; i++)
        {
            for (var n = 0; n < i % 4; n++)
                contacts.Add(Contact($"p{i:D2}{n}", $"person-{i:D2}-{n}", $"c{i:D2}") with { Name = $"Person {n} of c{i:D2}", Tags = n == 0 ? ["first"] : [] });
        }

        contacts.Add(Contact("ada", "ADA-1", "c01", "c02", "c03") with { Name = "Ada Lovelace", Email = "Ada@Example.com", CustomAttributesJson = """{"role": "owner"}""" });
        await hub.Sources.MirrorContactsAsync(contacts, "run-1", cancellationToken: token);
        await hub.Sources.ReplaceContactSegmentsAsync(Intercom, new Dictionary<string, IReadOnlyList<string>> { ["ada"] = ["Champions"] }, token);
        await hub.Sources.DeriveUsersAsync(Intercom, token);
        return hub;
    }
}
