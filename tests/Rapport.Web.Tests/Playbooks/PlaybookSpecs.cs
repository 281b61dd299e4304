namespace Rapport.Web.Tests.Playbooks;

/// <summary>Playbooks firing on a user's event against the simulator: once per occurrence, within the cap, quiet hours, disabling.</summary>
public sealed class PlaybookSpecs
{
    [Fact]
    public async Task A_playbook_fires_once_per_matching_user_within_its_cap_and_its_audit_shows_each_Intercom_id()
    {
        await using var hub = await PlaybookHub.StartAsync();
        var id = await hub.CreateAsync(hub.Playbook());

        await hub.TrackAsync(hub.Users[0]);
        await hub.TrackAsync(hub.Users[1]);
        var sent = await hub.AuditWhenAsync(id, a => a.Count(r => r.GetProperty("intercomId").ValueKind == JsonValueKind.String) == 2, "both users' messages are sent");
        await hub.TrackAsync(hub.Users[0]);
        var audit = await hub.AuditWhenAsync(id, a => a.Count == 3 && a.All(r => r.GetProperty("status").GetString() != "pending"), "the third run is handled");

        hub.MessagesCreated.ShouldBe(2);
        sent.Select(r => r.GetProperty("userId").GetInt64()).Order().ShouldBe(new[] { await hub.UserIdAsync(hub.Users[0]), await hub.UserIdAsync(hub.Users[1]) }.Order());
        var capped = audit.Single(r => r.GetProperty("status").GetString() == "skipped");
        capped.GetProperty("reason").GetString()!.ShouldContain("Frequency cap");
        capped.GetProperty("userId").GetInt64().ShouldBe(await hub.UserIdAsync(hub.Users[0]));
        var conversation = hub.Hub.Simulator.Workspace.Conversations.Where(c => c.ContactIds.Contains(hub.Users[1].Id)).ShouldHaveSingleItem();
        conversation.Source.Body.ShouldContain("your export failed, want a hand?");
    }

    [Fact]
    public async Task A_playbook_does_not_send_during_quiet_hours_and_sends_once_they_are_over()
    {
        await using var hub = await PlaybookHub.StartAsync();
        var quiet = hub.Playbook(p => (p["quietStart"], p["quietEnd"]) = (PlaybookHub.UtcTime(TimeSpan.FromHours(-1)), PlaybookHub.UtcTime(TimeSpan.FromHours(1))));
        var id = await hub.CreateAsync(quiet);

        await hub.TrackAsync(hub.Users[0]);
        var deferred = await hub.AuditWhenAsync(id, a => a.Count == 1 && a[0].GetProperty("status").GetString() == "deferred", "the run is deferred");
        // The engine looks at its runs again, and the outbound worker sends whatever it queued: nothing, during quiet hours.
        await hub.Hub.PlaybookPassAsync();
        await hub.Hub.OutboundPassAsync();
        hub.MessagesCreated.ShouldBe(0);
        (await hub.AuditAsync(id)).ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("deferred");
        deferred[0].GetProperty("reason").GetString()!.ShouldContain("Quiet hours in UTC");
        deferred[0].GetProperty("notBefore").GetDateTimeOffset().ShouldBeGreaterThan(TimeProvider.System.GetUtcNow().AddMinutes(55));

        // Quiet hours moved away from now: the deferred run is due again and goes out, once.
        var moved = hub.Playbook(p => (p["quietStart"], p["quietEnd"]) = (PlaybookHub.UtcTime(TimeSpan.FromHours(2)), PlaybookHub.UtcTime(TimeSpan.FromHours(3))));
        (await hub.SendAsync(HttpMethod.Put, $"/api/v1/playbooks/{id}", moved)).Status.ShouldBe(200);
        var audit = await hub.AuditWhenAsync(id, a => a[0].GetProperty("intercomId").ValueKind == JsonValueKind.String, "the deferred message is sent");

        audit.ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("queued");
        hub.MessagesCreated.ShouldBe(1);
    }

    [Fact]
    public async Task A_disabled_playbook_never_sends_not_even_what_was_waiting_for_quiet_hours_to_end()
    {
        await using var hub = await PlaybookHub.StartAsync();
        var id = await hub.CreateAsync(hub.Playbook(p => (p["quietStart"], p["quietEnd"]) = (PlaybookHub.UtcTime(TimeSpan.FromHours(-1)), PlaybookHub.UtcTime(TimeSpan.FromHours(1)))));
        await hub.TrackAsync(hub.Users[0]);
        await hub.AuditWhenAsync(id, a => a.Count == 1 && a[0].GetProperty("status").GetString() == "deferred", "the run waits for quiet hours");

        (await hub.SendAsync(HttpMethod.Post, $"/api/v1/playbooks/{id}/disable")).Status.ShouldBe(200);
        var audit = await hub.AuditWhenAsync(id, a => a[0].GetProperty("status").GetString() == "skipped", "the waiting run is settled");
        await hub.TrackAsync(hub.Users[1]);
        await hub.Hub.PlaybookPassAsync();
        await hub.Hub.OutboundPassAsync();

        audit[0].GetProperty("reason").GetString()!.ShouldContain("disabled");
        (await hub.AuditAsync(id)).Count.ShouldBe(1, "an event while disabled records nothing");
        hub.MessagesCreated.ShouldBe(0);
    }

    [Fact]
    public async Task A_message_that_renders_empty_for_a_user_is_skipped_and_reported_never_sent_blank()
    {
        await using var hub = await PlaybookHub.StartAsync();
        var id = await hub.CreateAsync(hub.Playbook(p => p["body"] = "{{ user.email | remove: user.email }}"));

        await hub.TrackAsync(hub.Users[1]);
        var audit = await hub.AuditWhenAsync(id, a => a.Count == 1 && a[0].GetProperty("status").GetString() != "pending", "the run is handled");

        audit[0].GetProperty("status").GetString().ShouldBe("skipped");
        audit[0].GetProperty("reason").GetString()!.ShouldContain("renders empty");
        hub.MessagesCreated.ShouldBe(0);
    }
}
