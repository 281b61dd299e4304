using Rapport.Web.Tests.Playbooks;

namespace Rapport.Web.Tests.Events;

/// <summary>
/// Event names are one list whatever source delivers them: a Segment event is listed, tracked or ignored, and
/// triggers playbooks, as an Intercom one does.
/// </summary>
public sealed class EventSourceSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Name = "Report Exported";

    private static async Task SendAsync(WebHub hub, string path, string json)
    {
        var response = await WebHub.SendSegmentAsync(await hub.SegmentClientAsync(), path, json);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
    }

    private static string Track(string userId, string messageId, int minute) =>
        $$"""{"userId":"{{userId}}","event":"{{Name}}","properties":{"format":"csv"},"timestamp":"2026-11-20T10:{{minute:00}}:00Z","messageId":"{{messageId}}"}""";

    /// <summary>A hub that knows u-100 only from Segment (a group call places them in g-acme), and one of their events.</summary>
    private static async Task<WebHub> SegmentHubAsync()
    {
        var hub = await WebHub.StartAsync(cancellationToken: Token);
        await SendAsync(hub, "/v1/group", """{"userId":"u-100","groupId":"g-acme","traits":{"name":"Acme Ltd"}}""");
        await SendAsync(hub, "/v1/track", Track("u-100", "m-1", 1));
        await hub.SegmentAppliedAsync(2);
        return hub;
    }

    [Fact]
    public async Task A_Segment_event_is_listed_with_its_source_by_the_API_and_on_the_Events_page()
    {
        await using var hub = await SegmentHubAsync();
        var api = await hub.TokenClientAsync(TeamRole.TeamMember);

        var names = await api.GetFromJsonAsync<JsonElement>("/api/v1/events/names", Token);
        var one = await api.GetAsync($"/api/v1/events/names/{Uri.EscapeDataString(Name)}", Token);
        var page = await (await hub.SignedInAsync()).GetStringAsync("/settings/events", Token);

        var listed = names.EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("name").GetString().ShouldBe(Name);
        listed.GetProperty("status").GetString().ShouldBe("tracked");
        listed.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldBe(["segment"]);
        listed.GetProperty("stored").GetInt64().ShouldBe(1);
        one.StatusCode.ShouldBe(HttpStatusCode.OK, await one.Content.ReadAsStringAsync(Token));
        page.ShouldContain($"data-name=\"{Name}\"");
        page.ShouldContain("<td data-testid=\"sources\">segment</td>");
    }

    [Fact]
    public async Task An_ignored_Segment_event_name_drops_later_track_and_batch_calls_and_only_counts_them()
    {
        await using var hub = await SegmentHubAsync();
        var leader = await hub.TokenClientAsync(TeamRole.Leader);

        var changed = await leader.PutAsJsonAsync($"/api/v1/events/names/{Uri.EscapeDataString(Name)}/status", new { status = "ignored" }, Token);
        await SendAsync(hub, "/v1/track", Track("u-100", "m-2", 2));
        await SendAsync(hub, "/v1/batch", $$"""{"batch":[{"type":"track",{{Track("u-100", "m-3", 3)[1..]}}]}""");
        await hub.SegmentAppliedAsync(4);

        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(Token));
        var name = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/events/names/{Uri.EscapeDataString(Name)}", Token);
        (name.GetProperty("status").GetString(), name.GetProperty("stored").GetInt64(), name.GetProperty("dropped").GetInt64())
            .ShouldBe(("ignored", 1L, 2L), "the two later calls are dropped at the door and counted");
        var user = (await hub.Store.Browse.FindUserAsync("u-100", Token)).ShouldNotBeNull();
        var events = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/users/{user.Id.Value}/events", Token);
        events.EnumerateArray().ShouldHaveSingleItem().GetProperty("occurredAt").GetDateTimeOffset().Minute.ShouldBe(1, "only the event before the change is held");
    }

    [Fact]
    public async Task A_playbook_triggering_on_a_tracked_Segment_event_saves()
    {
        await using var playbooks = await PlaybookHub.StartAsync();
        var user = playbooks.Users[0];
        await SendAsync(playbooks.Hub, "/v1/track", $$"""{"userId":"{{user.ExternalId}}","event":"Trial Extended","messageId":"m-trial"}""");
        await playbooks.Hub.SegmentAppliedAsync(1);

        var (status, body) = await playbooks.SendAsync(
            HttpMethod.Post, "/api/v1/playbooks", playbooks.Playbook(p => p["trigger"] = new { kind = "event", name = "Trial Extended" }));

        status.ShouldBe(201, body.ToString());
        body.GetProperty("trigger").GetProperty("name").GetString().ShouldBe("Trial Extended");
    }
}
