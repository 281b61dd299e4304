using System.Net;

namespace Rapport.IntercomSimulator.Tests;

public sealed class SearchSpecs
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Dates_match_by_calendar_day()
    {
        await using var server = await SimulatorServers.StartAsync(companies: 0, contacts: 0);
        using var api = new Api(server);
        var early = Add(server, "early", Day.AddHours(1));
        var late = Add(server, "late", Day.AddHours(23));
        var before = Add(server, "before", Day.AddSeconds(-1));
        var after = Add(server, "after", Day.AddDays(1));
        var noon = Day.AddHours(12).ToUnixTimeSeconds();

        var equal = await SearchAsync(api, $$"""{"field":"created_at","operator":"=","value":{{noon}}}""");
        var greater = await SearchAsync(api, $$"""{"field":"created_at","operator":">","value":{{noon}}}""");
        var less = await SearchAsync(api, $$"""{"field":"created_at","operator":"<","value":{{noon}}}""");

        equal.Ids.ShouldBe([early.Id, late.Id], ignoreOrder: true);
        greater.Ids.ShouldBe([after.Id]);
        less.Ids.ShouldBe([before.Id]);
    }

    [Fact]
    public async Task A_search_repeated_after_a_change_sees_the_change()
    {
        await using var server = await SimulatorServers.StartAsync(companies: 0, contacts: 0);
        using var api = new Api(server);
        const string query = """{"field":"external_id","operator":"=","value":"late-comer"}""";
        var before = await SearchAsync(api, query);

        var added = server.Workspace.AddContact(c => c.ExternalId = "late-comer");
        var after = await SearchAsync(api, query);

        before.Ids.ShouldBeEmpty();
        after.Ids.ShouldBe([added.Id]);
    }

    [Theory]
    [InlineData("!=")]
    [InlineData(">=")]
    [InlineData("<=")]
    [InlineData("IN")]
    public async Task Unsupported_operators_on_dates_are_errors(string op)
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);

        var reply = await SearchAsync(api, $$"""{"field":"updated_at","operator":"{{op}}","value":1700000000}""");

        reply.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task String_operators_and_nested_groups_filter_as_documented()
    {
        await using var server = await SimulatorServers.StartAsync(companies: 0, contacts: 0);
        using var api = new Api(server);
        var ada = server.Workspace.AddContact(c => { c.Name = "Ada Lovelace"; c.Email = "ada@math.org"; c.ExternalId = "a1"; });
        var bob = server.Workspace.AddContact(c => { c.Name = "Bob Stone"; c.Email = "bob@rock.com"; c.Role = "lead"; });
        var cy = server.Workspace.AddContact(c => { c.Name = "Cy Twombly"; c.Email = "cy@math.org"; c.ExternalId = "c1"; c.CustomAttributes["logins"] = 12L; });

        (await SearchAsync(api, """{"field":"name","operator":"~","value":"love"}""")).Ids.ShouldBe([ada.Id]);
        (await SearchAsync(api, """{"field":"email","operator":"$","value":"math.org"}""")).Ids.ShouldBe([ada.Id, cy.Id], ignoreOrder: true);
        (await SearchAsync(api, """{"field":"name","operator":"^","value":"bo"}""")).Ids.ShouldBe([bob.Id]);
        (await SearchAsync(api, """{"field":"name","operator":"!~","value":"LOVE"}""")).Ids.ShouldBe([bob.Id, cy.Id], ignoreOrder: true);
        (await SearchAsync(api, """{"field":"role","operator":"!=","value":"user"}""")).Ids.ShouldBe([bob.Id]);
        (await SearchAsync(api, """{"field":"external_id","operator":"IN","value":["a1","c1"]}""")).Ids.ShouldBe([ada.Id, cy.Id], ignoreOrder: true);
        (await SearchAsync(api, """{"field":"external_id","operator":"NIN","value":["a1"]}""")).Ids.ShouldBe([bob.Id, cy.Id], ignoreOrder: true);
        (await SearchAsync(api, """{"field":"custom_attributes.logins","operator":">=","value":12}""")).Ids.ShouldBe([cy.Id]);
        (await SearchAsync(api, """{"field":"email_domain","operator":"=","value":"rock.com"}""")).Ids.ShouldBe([bob.Id]);
        var nested = await SearchAsync(api, """
            {"operator":"AND","value":[
              {"operator":"OR","value":[{"field":"name","operator":"^","value":"Ada"},{"field":"name","operator":"^","value":"Bob"}]},
              {"field":"role","operator":"=","value":"user"}]}
            """);
        nested.Ids.ShouldBe([ada.Id]);
    }

    [Fact]
    public async Task Segment_and_tag_membership_is_searchable()
    {
        await using var server = await SimulatorServers.StartAsync(contacts: 300);
        using var api = new Api(server);
        var segment = server.Workspace.Segments[0];
        var members = server.Workspace.Contacts.Where(c => c.SegmentIds.Contains(segment.Id)).Select(c => c.Id).ToList();

        var reply = await SearchAsync(api, $$"""{"field":"segment_id","operator":"=","value":"{{segment.Id}}"}""", perPage: 150);

        reply.Ids.ShouldBe(members, ignoreOrder: true);
        reply.Body.GetProperty("total_count").GetInt32().ShouldBe(members.Count);
    }

    [Fact]
    public async Task Limits_on_nesting_group_size_and_sort_order_are_enforced()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var leaf = """{"field":"role","operator":"=","value":"user"}""";
        var tooDeep = $$$"""{"operator":"AND","value":[{"operator":"OR","value":[{"operator":"AND","value":[{{{leaf}}}]}]}]}""";
        var tooWide = $$"""{"operator":"OR","value":[{{string.Join(",", Enumerable.Repeat(leaf, 16))}}]}""";

        (await SearchAsync(api, tooDeep)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await SearchAsync(api, tooWide)).Status.ShouldBe(HttpStatusCode.BadRequest);
        var badSort = await api.PostAsync("/contacts/search", $$$"""{"query":{{{leaf}}},"sort":{"field":"created_at","order":"desc"}}""");
        badSort.Status.ShouldBe(HttpStatusCode.BadRequest);
        badSort.ErrorCode.ShouldBe("invalid_sort_order");
    }

    [Fact]
    public async Task Search_pages_with_starting_after_and_sorts_by_the_full_value()
    {
        await using var server = await SimulatorServers.StartAsync(contacts: 300);
        using var api = new Api(server);
        var users = server.Workspace.Contacts.Where(c => c.Role == "user").OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();
        var seen = new List<string>();

        string? cursor = null;
        do
        {
            var pagination = cursor is null ? """{"per_page":40}""" : $$"""{"per_page":40,"starting_after":"{{cursor}}"}""";
            var reply = await api.PostAsync("/contacts/search", $$$"""{"query":{"field":"role","operator":"=","value":"user"},"pagination":{{{pagination}}},"sort":{"field":"updated_at","order":"ascending"}}""");
            seen.AddRange(reply.Ids);
            cursor = reply.Body.GetProperty("pages").TryGetProperty("next", out var next) ? next.GetProperty("starting_after").GetString() : null;
        }
        while (cursor is not null);

        seen.ShouldBe(users);
    }

    private static SimulatedContact Add(IntercomSimulatorServer server, string name, DateTimeOffset createdAt) =>
        server.Workspace.AddContact(c => { c.Name = name; c.CreatedAt = createdAt; });

    private static Task<Reply> SearchAsync(Api api, string query, int perPage = 50) =>
        api.PostAsync("/contacts/search", $$$"""{"query":{{{query}}},"pagination":{"per_page":{{{perPage}}}}}""");
}
