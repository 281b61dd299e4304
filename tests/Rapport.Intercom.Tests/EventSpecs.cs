using Rapport.IntercomSimulator;

namespace Rapport.Intercom.Tests;

public sealed class EventSpecs
{
    [Fact]
    public async Task Created_events_come_back_in_the_users_event_list_across_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(new SimulatorOptions { Companies = 5, Contacts = 0, RateLimitPerMinute = null }, cancellationToken: ct);
        var user = intercom.Workspace.AddContact(c => { c.ExternalId = "u-42"; c.Email = "u42@example.com"; });
        var now = TimeProvider.System.GetUtcNow();

        for (var i = 0; i < 5; i++)
        {
            await intercom.Client.CreateEventAsync(
                new IntercomDataEventCreate { EventName = "exported-csv", CreatedAt = now.AddMinutes(-i), UserId = "u-42", Metadata = new Dictionary<string, string> { ["rows"] = $"{i * 100}" } },
                ct);
        }

        var pages = await intercom.Client.ListUserEventsAsync(IntercomEventUser.ByIntercomId(user.Id), perPage: 2, ct).ToListAsync(ct);

        pages.Count.ShouldBe(3);
        var events = pages.SelectMany(page => page.Items).ToList();
        events.Select(e => e.CreatedAt).ShouldBe(Enumerable.Range(0, 5).Select(i => (DateTimeOffset?)DateTimeOffset.FromUnixTimeSeconds(now.AddMinutes(-i).ToUnixTimeSeconds())));
        events.ShouldAllBe(e => e.EventName == "exported-csv" && e.UserId == "u-42" && e.IntercomUserId == user.Id && e.Email == "u42@example.com");
        events[1].Metadata["rows"].GetString().ShouldBe("100");
    }

    [Fact]
    public async Task The_summary_counts_each_event_name_with_its_first_and_last_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(new SimulatorOptions { Companies = 5, Contacts = 0, RateLimitPerMinute = null }, cancellationToken: ct);
        var lead = intercom.Workspace.AddContact(c => { c.Role = "lead"; c.Email = "lead@example.com"; });
        var now = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        intercom.Workspace.TrackEvent(lead.Id, "viewed-pricing", now.AddDays(-120));
        intercom.Workspace.TrackEvent(lead.Id, "viewed-pricing", now.AddDays(-2));
        await intercom.Client.CreateEventAsync(new IntercomDataEventCreate { EventName = "booked-demo", CreatedAt = now, Id = lead.Id }, ct);

        var summaries = await intercom.Client.GetUserEventSummariesAsync(IntercomEventUser.ByEmail("lead@example.com"), ct);
        var listed = await intercom.Client.ListUserEventsAsync(IntercomEventUser.ByIntercomId(lead.Id), cancellationToken: ct).SelectMany(page => page.Items.ToAsyncEnumerable()).ToListAsync(ct);

        summaries.Select(s => (s.Name, s.Count)).ShouldBe([("booked-demo", 1), ("viewed-pricing", 2)]);
        summaries[1].First.ShouldBe(now.AddDays(-120));
        summaries[1].Last.ShouldBe(now.AddDays(-2));
        listed.Select(e => e.EventName).ShouldBe(["booked-demo", "viewed-pricing"], "events older than 90 days are not listed");
    }

    [Fact]
    public async Task An_event_for_an_unknown_user_is_not_found_and_a_retried_create_is_stored_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var intercom = await SimulatedIntercom.StartAsync(new SimulatorOptions { Companies = 5, Contacts = 0, RateLimitPerMinute = null }, cancellationToken: ct);
        var user = intercom.Workspace.AddContact(c => c.ExternalId = "u-7");
        var at = TimeProvider.System.GetUtcNow();

        await Should.ThrowAsync<IntercomNotFoundException>(() => intercom.Client.CreateEventAsync(new IntercomDataEventCreate { EventName = "x", CreatedAt = at, UserId = "nobody" }, ct));
        await intercom.InjectFaultAsync("drop_connection", 1, "/events", cancellationToken: ct);
        await intercom.Client.CreateEventAsync(new IntercomDataEventCreate { EventName = "paid-invoice", CreatedAt = at, UserId = "u-7" }, ct);
        await intercom.Client.CreateEventAsync(new IntercomDataEventCreate { EventName = "paid-invoice", CreatedAt = at, UserId = "u-7" }, ct);

        intercom.Workspace.EventsOf(user.Id).Count(e => e.EventName == "paid-invoice").ShouldBe(1);
    }
}
