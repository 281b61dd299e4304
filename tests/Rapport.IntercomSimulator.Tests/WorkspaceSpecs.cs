using Microsoft.Extensions.Time.Testing;

namespace Rapport.IntercomSimulator.Tests;

public sealed class WorkspaceSpecs
{
    [Fact]
    public async Task The_same_seed_generates_the_same_workspace_and_another_seed_a_different_one()
    {
        await using var first = await SimulatorServers.StartAsync(companies: 50, contacts: 300, seed: 3);
        await using var again = await SimulatorServers.StartAsync(companies: 50, contacts: 300, seed: 3);
        await using var other = await SimulatorServers.StartAsync(companies: 50, contacts: 300, seed: 4);

        static string Fingerprint(SimulatorWorkspace w) => string.Join("|", w.Companies.Select(c => $"{c.Id}:{c.CompanyId}:{c.Name}:{c.UserCount}:{c.LastRequestAt}"))
            + string.Join("|", w.Contacts.Select(c => $"{c.Id}:{c.Email}:{c.Role}:{string.Join(",", c.CompanyIds)}"));

        Fingerprint(again.Workspace).ShouldBe(Fingerprint(first.Workspace));
        Fingerprint(other.Workspace).ShouldNotBe(Fingerprint(first.Workspace));
    }

    [Fact]
    public async Task The_generated_workspace_has_realistic_distributions()
    {
        await using var server = await SimulatorServers.StartAsync(companies: 2000, contacts: 10000);
        var (companies, contacts) = (server.Workspace.Companies, server.Workspace.Contacts);
        var users = contacts.Where(c => c.Role == "user").ToList();

        Share(companies, c => c.CompanyId is null).ShouldBeInRange(0.03, 0.07);
        Share(contacts, c => c.Role == "lead").ShouldBeInRange(0.17, 0.23);
        Share(users, c => c.ExternalId is null).ShouldBeInRange(0.06, 0.10);
        Share(users, c => c.CompanyIds.Count == 0).ShouldBeInRange(0.07, 0.13);
        Share(users, c => c.CompanyIds.Count is >= 2 and <= 3).ShouldBeInRange(0.07, 0.15);
        users.Count(c => c.CompanyIds.Count > 10).ShouldBeGreaterThanOrEqualTo(2);
        Share(companies, c => c.LastRequestAt is null).ShouldBeInRange(0.04, 0.12);
        var seen = companies.Where(c => c.LastRequestAt is not null).ToList();
        Share(seen, c => c.LastRequestAt > SimulatorServers.Now.AddDays(-90)).ShouldBeInRange(0.4, 0.6);
        seen.ShouldAllBe(c => c.LastRequestAt >= SimulatorServers.Now.AddDays(-366) && c.CreatedAt <= c.LastRequestAt);
        companies.ShouldContain(c => c.UserCount == 0);
        companies.Sum(c => c.UserCount).ShouldBe(contacts.Sum(c => c.CompanyIds.Count));
        contacts.GroupBy(c => c.Email).ShouldContain(g => g.Key != null && g.Count() > 1);
        contacts.ShouldContain(c => c.Name!.Any(ch => ch > 0x2E80));
        companies.ShouldAllBe(c => c.Id.Length == 24);
        server.Workspace.Tags.Count.ShouldBeGreaterThanOrEqualTo(20);
        server.Workspace.Segments.Count.ShouldBeGreaterThanOrEqualTo(20);
        server.Workspace.Admins.ShouldContain(a => a.HasInboxSeat);
        server.Workspace.Admins.ShouldContain(a => !a.HasInboxSeat);
    }

    [Fact]
    public async Task Custom_attributes_of_every_type_come_with_definitions()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);

        var definitions = await api.GetAsync("/data_attributes?model=company");
        var company = server.Workspace.Companies[0];

        var types = definitions.Data.Where(d => d.GetProperty("custom").GetBoolean()).Select(d => d.GetProperty("data_type").GetString()).ToHashSet();
        types.ShouldBe(["string", "integer", "float", "boolean", "date"], ignoreOrder: true);
        company.CustomAttributes["seats"].ShouldBeOfType<long>();
        company.CustomAttributes["renewal_date"].ShouldBeOfType<DateTimeOffset>();
        server.Workspace.Companies.ShouldContain(c => !c.CustomAttributes.ContainsKey("account_manager"));
    }

    // How fast it is generated is a bench figure, not a test: on a busy CI machine a time limit only measures the load.
    [Fact]
    public async Task A_workspace_of_100k_contacts_is_generated_whole()
    {
        await using var server = await SimulatorServers.StartAsync(companies: 10_000, contacts: 100_000);

        server.Workspace.Contacts.Count.ShouldBe(100_000);
        server.Workspace.Contacts.Select(c => c.Id).Distinct().Count().ShouldBe(100_000);
        server.Workspace.Companies.Count.ShouldBe(10_000);
    }

    [Fact]
    public async Task A_test_can_set_up_a_company_with_users_in_a_few_lines()
    {
        var time = new FakeTimeProvider(SimulatorServers.Now);
        await using var server = await SimulatorServers.StartAsync(companies: 0, contacts: 0, time: time);
        using var api = new Api(server);

        var company = server.Workspace.AddCompany(c => { c.CompanyId = "X"; c.Plan = "Pro"; c.LastRequestAt = time.GetUtcNow().AddDays(-89); });
        server.Workspace.AddUsers(company.Id, 2);

        var reply = await api.GetAsync("/companies?company_id=X");
        var json = reply.Data.Single();
        json.GetProperty("plan").GetProperty("name").GetString().ShouldBe("Pro");
        json.GetProperty("user_count").GetInt32().ShouldBe(2);
        json.GetProperty("last_request_at").GetInt64().ShouldBe(time.GetUtcNow().AddDays(-89).ToUnixTimeSeconds());
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) => (double)items.Count(predicate) / items.Count;
}
