using Rapport.Hub.Events;
using Rapport.Application.Events;
using Rapport.Hub.Users;

namespace Rapport.Application.Tests.Events;

/// <summary>Data events from the simulator's <c>event.created</c> webhooks, through the inbox and the applier into the hub.</summary>
public sealed class EventWebhookSpecs
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task An_event_delivered_three_times_is_stored_once()
    {
        await using var hub = await EventHub.StartAsync();
        await hub.ConfigureAsync(importUsersAndCompanies: true, importEvents: true);
        hub.Workspace.TrackEvent(hub.Ada.Id, "exported-report", Now.AddSeconds(1), new Dictionary<string, string> { ["format"] = "csv" });
        var webhook = (await hub.WebhooksAsync(1)).Single();

        await hub.DeliverAsync(webhook);
        await hub.DeliverAsync(webhook);
        await hub.DeliverAsync(EventHub.Resent(webhook, "notif_sent_again"));
        await hub.ApplyAsync();

        var events = await hub.Store.Events.ListUserEventsAsync(new UserId(await hub.UserIdAsync(hub.Ada)), 10, Token);
        events.ShouldHaveSingleItem().Name.ShouldBe("exported-report");
        events[0].UserExternalId.ShouldBe("acme-user-0");
        events[0].MetadataJson.ShouldContain("\"format\":\"csv\"");
        (await hub.Store.Events.FindEventNameAsync("exported-report", Token)).ShouldNotBeNull().StoredCount.ShouldBe(1);
        (await hub.OutcomesAsync()).ShouldBe(["event stored", "event already stored"], "the inbox keeps a notification id once");
    }

    [Fact]
    public async Task An_ignored_event_name_stores_nothing_and_only_its_dropped_count_moves()
    {
        await using var hub = await EventHub.StartAsync();
        await hub.ConfigureAsync(importUsersAndCompanies: true, importEvents: true);
        hub.Workspace.TrackEvent(hub.Ada.Id, "heartbeat", Now.AddSeconds(1));
        await hub.DeliverAsync((await hub.WebhooksAsync(1)).Single());
        await hub.ApplyAsync();
        await hub.Store.Events.SetEventStatusAsync("heartbeat", EventStatus.Ignored, "admin@example.test", Token);

        for (var i = 2; i <= 4; i++)
            hub.Workspace.TrackEvent(hub.Bob.Id, "heartbeat", Now.AddSeconds(i));
        foreach (var webhook in await hub.WebhooksAsync(3))
            await hub.DeliverAsync(webhook);
        await hub.ApplyAsync();

        var name = (await hub.Store.Events.FindEventNameAsync("heartbeat", Token)).ShouldNotBeNull();
        (name.Status, name.StoredCount, name.DroppedCount).ShouldBe((EventStatus.Ignored, 1L, 3L));
        (await hub.Store.Events.ListUserEventsAsync(new UserId(await hub.UserIdAsync(hub.Bob)), 10, Token)).ShouldBeEmpty();
        (await hub.OutcomesAsync()).Skip(1).ShouldAllBe(o => o == "event name 'heartbeat' is ignored: dropped");
    }

    [Fact]
    public async Task Events_created_before_event_import_was_enabled_are_not_imported()
    {
        await using var hub = await EventHub.StartAsync();
        await hub.ConfigureAsync(importUsersAndCompanies: true, importEvents: true);

        hub.Workspace.TrackEvent(hub.Ada.Id, "signed-in", Now.AddHours(-1));
        hub.Workspace.TrackEvent(hub.Ada.Id, "signed-in", Now.AddSeconds(1));
        foreach (var webhook in await hub.WebhooksAsync(2))
            await hub.DeliverAsync(webhook);
        await hub.ApplyAsync();

        var events = await hub.Store.Events.ListUserEventsAsync(new UserId(await hub.UserIdAsync(hub.Ada)), 10, Token);
        events.ShouldHaveSingleItem().OccurredAt.ShouldBeGreaterThan(Now.AddMinutes(-1));
        (await hub.OutcomesAsync()).ShouldBe(["created before event import was enabled", "event stored"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(false, true, "import of users and companies is off: events have no users to attach to")]
    [InlineData(true, false, "event import is off")]
    public async Task With_user_and_company_import_or_event_import_off_nothing_is_stored(bool importUsersAndCompanies, bool importEvents, string outcome)
    {
        await using var hub = await EventHub.StartAsync();
        await hub.ConfigureAsync(importUsersAndCompanies, importEvents);

        hub.Workspace.TrackEvent(hub.Ada.Id, "exported-report", Now.AddSeconds(1));
        await hub.DeliverAsync((await hub.WebhooksAsync(1)).Single());
        await hub.ApplyAsync();

        (await hub.Store.Events.ListUserEventsAsync(new UserId(await hub.UserIdAsync(hub.Ada)), 10, Token)).ShouldBeEmpty();
        (await hub.Store.Events.ListEventNamesAsync(Token)).ShouldBeEmpty();
        (await hub.OutcomesAsync()).ShouldBe([outcome]);
    }

    [Fact]
    public async Task An_event_of_a_user_Rapport_does_not_have_is_not_stored_and_the_inbox_says_why()
    {
        await using var hub = await EventHub.StartAsync();
        await hub.ConfigureAsync(importUsersAndCompanies: true, importEvents: true);
        var stranger = hub.Workspace.AddContact(c => { c.Role = "user"; c.ExternalId = "stranger"; });

        hub.Workspace.TrackEvent(stranger.Id, "exported-report", Now.AddSeconds(1));
        await hub.DeliverAsync((await hub.WebhooksAsync(1)).Single());
        await hub.ApplyAsync();

        (await hub.OutcomesAsync()).ShouldBe(["no user in Rapport with user_id stranger: event not stored"]);
        (await hub.Store.Events.FindEventNameAsync("exported-report", Token)).ShouldNotBeNull().UnmatchedCount.ShouldBe(1);
    }

    [Fact]
    public async Task Turning_event_import_off_and_on_again_starts_from_the_new_moment()
    {
        await using var hub = await EventHub.StartAsync();
        await hub.ConfigureAsync(importUsersAndCompanies: true, importEvents: true);
        var first = await EventImport.EnabledAtAsync(hub.Store.SyncState, Token);

        await hub.ConfigureAsync(importUsersAndCompanies: true, importEvents: false);
        (await EventImport.EnabledAtAsync(hub.Store.SyncState, Token)).ShouldBeNull();
        await Task.Delay(20, Token);
        await hub.ConfigureAsync(importUsersAndCompanies: true, importEvents: true);

        (await EventImport.EnabledAtAsync(hub.Store.SyncState, Token)).ShouldNotBeNull().ShouldBeGreaterThan(first!.Value);
    }
}
