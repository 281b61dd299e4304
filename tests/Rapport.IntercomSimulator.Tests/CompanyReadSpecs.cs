using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Rapport.IntercomSimulator.Tests;

public sealed class CompanyReadSpecs
{
    [Fact]
    public async Task Scroll_pages_through_every_company_once_and_ends_with_an_empty_page_without_scroll_param()
    {
        await using var server = await SimulatorServers.StartAsync(companies: 60);
        using var api = new Api(server);
        var seen = new List<string>();

        var reply = await api.GetAsync("/companies/scroll");
        var param = reply.Body.GetProperty("scroll_param").GetString();
        while (reply.Data.Any())
        {
            seen.AddRange(reply.Ids);
            param = reply.Body.GetProperty("scroll_param").GetString();
            reply = await api.GetAsync($"/companies/scroll?scroll_param={param}");
        }

        seen.Count.ShouldBe(60);
        seen.Distinct().Count().ShouldBe(60);
        // The param expires at the end (spec GET /companies/scroll), so the last page offers none to ask with again.
        reply.Status.ShouldBe(HttpStatusCode.OK);
        reply.Body.TryGetProperty("scroll_param", out _).ShouldBeFalse(reply.Text);
        var afterEnd = await api.GetAsync($"/companies/scroll?scroll_param={param}");
        afterEnd.Status.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("/companies/scroll")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_second_scroll_is_rejected_while_one_is_open_and_allowed_once_it_expired()
    {
        var time = new FakeTimeProvider(SimulatorServers.Now);
        await using var server = await SimulatorServers.StartAsync(companies: 60, time: time);
        using var api = new Api(server);

        var first = await api.GetAsync("/companies/scroll");
        var second = await api.GetAsync("/companies/scroll");
        time.Advance(TimeSpan.FromSeconds(61));
        var stale = await api.GetAsync($"/companies/scroll?scroll_param={first.Body.GetProperty("scroll_param").GetString()}");
        var third = await api.GetAsync("/companies/scroll");

        first.Status.ShouldBe(HttpStatusCode.OK);
        second.Status.ShouldBe(HttpStatusCode.BadRequest);
        second.Text.ShouldContain("scroll already exists");
        stale.Status.ShouldBe(HttpStatusCode.NotFound);
        third.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task List_is_sorted_by_last_request_at_and_leaves_out_companies_without_users()
    {
        await using var server = await SimulatorServers.StartAsync(companies: 80, contacts: 300);
        using var api = new Api(server);

        var desc = await ReadAllAsync(api, "desc");
        var asc = await ReadAllAsync(api, "asc");

        var withUsers = server.Workspace.Companies.Where(c => c.UserCount > 0).ToList();
        desc.Count.ShouldBe(withUsers.Count);
        withUsers.Count.ShouldBeLessThan(80);
        var times = desc.Select(id => server.Workspace.FindCompany(id)!.LastRequestAt ?? DateTimeOffset.MinValue).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
        asc.ShouldBe(Enumerable.Reverse(desc).ToList());
    }

    [Fact]
    public async Task List_stops_at_the_cap()
    {
        await using var server = await SimulatorServers.StartAsync(companies: 80, contacts: 400, listCap: 20);
        using var api = new Api(server);

        var all = await ReadAllAsync(api, "desc");

        all.Count.ShouldBe(20);
    }

    [Fact]
    public async Task Companies_can_be_found_by_company_id_tag_and_segment()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var company = server.Workspace.Companies.First(c => c.CompanyId is not null && c.TagIds.Count > 0 && c.SegmentIds.Count > 0);

        var byId = await api.GetAsync($"/companies?company_id={company.CompanyId}");
        var byTag = await api.GetAsync($"/companies?tag_id={company.TagIds.First()}&per_page=60");
        var bySegment = await api.GetAsync($"/companies?segment_id={company.SegmentIds.First()}&per_page=60");
        var missing = await api.GetAsync("/companies?company_id=nope");
        var segments = await api.GetAsync($"/companies/{company.Id}/segments");
        var contacts = await api.GetAsync($"/companies/{company.Id}/contacts");

        byId.Ids.ShouldBe([company.Id]);
        byTag.Ids.ShouldContain(company.Id);
        bySegment.Ids.ShouldContain(company.Id);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.ErrorCode.ShouldBe("company_not_found");
        segments.Ids.ShouldBe(company.SegmentIds, ignoreOrder: true);
        contacts.Body.GetProperty("total_count").GetInt32().ShouldBe(company.UserCount);
    }

    private static async Task<List<string>> ReadAllAsync(Api api, string order)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var reply = await api.PostAsync($"/companies/list?page={page}&per_page=15&order={order}");
            ids.AddRange(reply.Ids);
            if (reply.Body.GetProperty("pages").GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null) { return ids; }
        }
    }
}
