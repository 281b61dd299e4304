using System.Net;

namespace Rapport.IntercomSimulator.Tests;

public sealed class ContactReadSpecs
{
    [Fact]
    public async Task Cursor_paging_covers_every_contact_exactly_once()
    {
        await using var server = await SimulatorServers.StartAsync(contacts: 1000);
        using var api = new Api(server);
        var seen = new List<string>();

        string? cursor = null;
        do
        {
            var reply = await api.GetAsync("/contacts?per_page=150" + (cursor is null ? "" : "&starting_after=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(reply.Ids);
            var pages = reply.Body.GetProperty("pages");
            cursor = pages.TryGetProperty("next", out var next) ? next.GetProperty("starting_after").GetString() : null;
        }
        while (cursor is not null);

        seen.Count.ShouldBe(1000);
        seen.ShouldBe(server.Workspace.Contacts.Select(c => c.Id).ToList());
    }

    [Fact]
    public async Task Per_page_defaults_to_50_and_stops_at_150()
    {
        await using var server = await SimulatorServers.StartAsync(contacts: 400);
        using var api = new Api(server);

        (await api.GetAsync("/contacts")).Ids.Count.ShouldBe(50);
        (await api.GetAsync("/contacts?per_page=500")).Ids.Count.ShouldBe(150);
    }

    [Fact]
    public async Task A_contact_in_more_than_10_companies_shows_10_inline_with_has_more()
    {
        await using var server = await SimulatorServers.StartAsync(companies: 60, contacts: 400);
        using var api = new Api(server);
        var busy = server.Workspace.Contacts.First(c => c.CompanyIds.Count > 10);

        var contact = await api.GetAsync($"/contacts/{busy.Id}");
        var companies = await api.GetAsync($"/contacts/{busy.Id}/companies");

        var inline = contact.Body.GetProperty("companies");
        inline.GetProperty("data").GetArrayLength().ShouldBe(10);
        inline.GetProperty("has_more").GetBoolean().ShouldBeTrue();
        inline.GetProperty("total_count").GetInt32().ShouldBe(busy.CompanyIds.Count);
        inline.GetProperty("data")[0].GetProperty("type").GetString().ShouldBe("company");
        companies.Body.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe(busy.CompanyIds);
    }

    [Fact]
    public async Task Contacts_are_found_by_external_id_and_list_their_tags_and_segments()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var user = server.Workspace.Contacts.First(c => c.ExternalId is not null && c.TagIds.Count > 0 && c.SegmentIds.Count > 0);

        var found = await api.GetAsync($"/contacts/find_by_external_id/{user.ExternalId}");
        var tags = await api.GetAsync($"/contacts/{user.Id}/tags");
        var segments = await api.GetAsync($"/contacts/{user.Id}/segments");
        var missing = await api.GetAsync("/contacts/find_by_external_id/nobody");

        found.Body.GetProperty("id").GetString().ShouldBe(user.Id);
        tags.Ids.ShouldBe(user.TagIds, ignoreOrder: true);
        segments.Ids.ShouldBe(user.SegmentIds, ignoreOrder: true);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Segments_tags_and_admins_are_listed()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var segment = server.Workspace.Segments[0];

        var segments = await api.GetAsync("/segments?include_count=true");
        var one = await api.GetAsync($"/segments/{segment.Id}");
        var tags = await api.GetAsync("/tags");
        var admins = await api.GetAsync("/admins");
        var admin = await api.GetAsync($"/admins/{server.Workspace.Admins[1].Id}");

        segments.Body.GetProperty("type").GetString().ShouldBe("segment.list");
        segments.Body.GetProperty("segments")[0].GetProperty("count").GetInt32()
            .ShouldBe(server.Workspace.Contacts.Count(c => c.SegmentIds.Contains(segment.Id)));
        one.Body.GetProperty("name").GetString().ShouldBe(segment.Name);
        tags.Ids.Count.ShouldBe(server.Workspace.Tags.Count);
        admins.Body.GetProperty("admins").GetArrayLength().ShouldBe(server.Workspace.Admins.Count);
        admin.Body.GetProperty("has_inbox_seat").ValueKind.ShouldBeOneOf(System.Text.Json.JsonValueKind.True, System.Text.Json.JsonValueKind.False);
    }

    [Fact]
    public async Task A_tag_is_found_by_its_id_and_an_unknown_id_is_a_404_error_list()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var tag = server.Workspace.Tags[^1];

        var found = await api.GetAsync($"/tags/{tag.Id}");
        var missing = await api.GetAsync("/tags/999999999");

        found.Status.ShouldBe(HttpStatusCode.OK, found.Text);
        (found.Body.GetProperty("type").GetString(), found.Body.GetProperty("id").GetString(), found.Body.GetProperty("name").GetString()).ShouldBe(("tag", tag.Id, tag.Name));
        (missing.Status, missing.ErrorCode).ShouldBe((HttpStatusCode.NotFound, "not_found"));
        missing.Body.GetProperty("type").GetString().ShouldBe("error.list");
        missing.Body.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe("Resource Not Found");
    }
}
