using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Rapport.IntercomSimulator.Tests;

public sealed class EventSpecs
{
    [Fact]
    public async Task A_created_event_answers_202_and_is_listed_newest_first_by_any_identifier()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);
        var user = server.Workspace.Contacts.First(c => c.Role == "user" && c.ExternalId is not null && c.Email is not null && server.Workspace.Contacts.Count(o => o.Email == c.Email) == 1);
        var now = SimulatorServers.Now.ToUnixTimeSeconds();

        var created = await api.PostAsync("/events", $$$"""{"event_name":"ordered-pizza","created_at":{{{now - 60}}},"user_id":"{{{user.ExternalId}}}","metadata":{"size":"large","slices":8}}""");
        await api.PostAsync("/events", $$"""{"event_name":"ate-pizza","created_at":{{now}},"email":"{{user.Email}}"}""");
        var byId = await api.GetAsync($"/events?type=user&intercom_user_id={user.Id}&per_page=150");
        var byUserId = await api.GetAsync($"/events?type=user&user_id={user.ExternalId}&per_page=150");
        var byEmail = await api.GetAsync($"/events?type=user&email={Uri.EscapeDataString(user.Email!)}&per_page=150");

        created.Status.ShouldBe(HttpStatusCode.Accepted);
        created.Text.ShouldBeEmpty();
        var events = byId.Body.GetProperty("events").EnumerateArray().ToList();
        events.Take(2).Select(e => e.GetProperty("event_name").GetString()).ShouldBe(["ate-pizza", "ordered-pizza"]);
        events.Select(e => e.GetProperty("created_at").GetInt64()).ShouldBeInOrder(SortDirection.Descending);
        events[1].GetProperty("metadata").GetProperty("slices").GetString().ShouldBe("8");
        events[1].GetProperty("user_id").GetString().ShouldBe(user.ExternalId);
        byId.Body.GetProperty("type").GetString().ShouldBe("event.summary");
        byUserId.Text.ShouldBe(byId.Text);
        byEmail.Text.ShouldBe(byId.Text);
    }

    [Fact]
    public async Task Only_events_of_the_last_90_days_are_listed_but_the_summary_counts_them_all()
    {
        await using var server = await SimulatorServers.StartAsync(contacts: 0, companies: 0);
        using var api = new Api(server);
        var lead = server.Workspace.AddContact(c => { c.Role = "lead"; c.Email = "lead@example.com"; });
        server.Workspace.TrackEvent(lead.Id, "viewed-pricing", SimulatorServers.Now.AddDays(-100));
        server.Workspace.TrackEvent(lead.Id, "viewed-pricing", SimulatorServers.Now.AddDays(-1));

        var list = await api.GetAsync($"/events?type=user&intercom_user_id={lead.Id}");
        var summary = await api.GetAsync($"/events?type=user&intercom_user_id={lead.Id}&summary=true");

        list.Body.GetProperty("events").GetArrayLength().ShouldBe(1);
        var item = summary.Body.GetProperty("events").EnumerateArray().Single();
        item.GetProperty("name").GetString().ShouldBe("viewed-pricing");
        item.GetProperty("count").GetInt32().ShouldBe(2);
        DateTimeOffset.Parse(item.GetProperty("first").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(SimulatorServers.Now.AddDays(-100));
    }

    [Fact]
    public async Task Events_page_with_a_next_url_and_a_duplicate_is_accepted_but_stored_once()
    {
        await using var server = await SimulatorServers.StartAsync(contacts: 0, companies: 0);
        using var api = new Api(server);
        var user = server.Workspace.AddContact(c => c.ExternalId = "u-1");
        var at = SimulatorServers.Now.ToUnixTimeSeconds();
        for (var i = 0; i < 5; i++) { await api.PostAsync("/events", $$"""{"event_name":"clicked","created_at":{{at - i}},"id":"{{user.Id}}"}"""); }
        var duplicate = await api.PostAsync("/events", $$"""{"event_name":"clicked","created_at":{{at}},"id":"{{user.Id}}"}""");

        var names = new List<long>();
        var path = $"/events?type=user&user_id=u-1&per_page=2";
        for (var pages = 0; path is not null && pages < 10; pages++)
        {
            var page = await api.GetAsync(path);
            names.AddRange(page.Body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("created_at").GetInt64()));
            path = page.Body.GetProperty("pages").GetProperty("next") is { ValueKind: JsonValueKind.String } next ? new Uri(next.GetString()!).PathAndQuery : null;
        }

        duplicate.Status.ShouldBe(HttpStatusCode.Accepted);
        names.ShouldBe([at, at - 1, at - 2, at - 3, at - 4]);
    }

    [Fact]
    public async Task Unknown_users_are_404_and_a_missing_identifier_or_name_is_400()
    {
        await using var server = await SimulatorServers.StartAsync();
        using var api = new Api(server);

        (await api.PostAsync("/events", """{"event_name":"x","created_at":1700000000,"user_id":"nobody"}""")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await api.PostAsync("/events", """{"event_name":"x","created_at":1700000000}""")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await api.PostAsync("/events", """{"created_at":1700000000,"user_id":"usr_0000001"}""")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await api.GetAsync("/events?type=user&intercom_user_id=000000000000000000000000")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("/events?type=company&intercom_user_id=x")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_new_event_notifies_event_created_once_with_the_data_event_and_at_most_10_metadata_keys()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 5, Contacts = 30, RateLimitPerMinute = null, TimeProvider = new FakeTimeProvider(SimulatorServers.Now), WebhookUrl = receiver.Url },
            0,
            TestContext.Current.CancellationToken);
        using var api = new Api(server);
        var user = server.Workspace.Contacts.First(c => c.Role == "user" && c.ExternalId is not null);
        var metadata = "{" + string.Join(",", Enumerable.Range(1, 12).Select(i => $"\"k{i:D2}\":\"v{i}\"")) + "}";
        var body = $$$"""{"event_name":"exported-csv","created_at":1781000000,"user_id":"{{{user.ExternalId}}}","metadata":{{{metadata}}}}""";

        await api.PostAsync("/events", body);
        await api.PostAsync("/events", body);
        await receiver.WaitForAsync(1);
        var hooks = await receiver.SettleAsync();

        var hook = hooks.Single();
        hook.Topic.ShouldBe("event.created");
        hook.Item.GetProperty("type").GetString().ShouldBe("event");
        hook.Item.GetProperty("event_name").GetString().ShouldBe("exported-csv");
        hook.Item.GetProperty("created_at").GetInt64().ShouldBe(1781000000);
        hook.Item.GetProperty("intercom_user_id").GetString().ShouldBe(user.Id);
        hook.Item.GetProperty("user_id").GetString().ShouldBe(user.ExternalId);
        hook.Item.GetProperty("metadata").EnumerateObject().Select(p => p.Name).ShouldBe(Enumerable.Range(1, 10).Select(i => $"k{i:D2}"));
    }
}
