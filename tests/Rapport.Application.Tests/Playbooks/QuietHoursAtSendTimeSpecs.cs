using Microsoft.Extensions.Time.Testing;
using Rapport.Hub.Messaging;
using Rapport.Hub.Playbooks;
using Rapport.Application.Messaging;
using Rapport.Testing;

namespace Rapport.Application.Tests.Playbooks;

/// <summary>
/// A playbook's send queued just before its recipient's quiet hours, and reached by a queue that is behind only once they
/// have begun, waits for their end: nothing reaches Intercom meanwhile, and it is sent once after.
/// </summary>
public sealed class QuietHoursAtSendTimeSpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_send_queued_before_quiet_hours_and_reached_inside_them_is_held_until_they_end_then_sent_once()
    {
        await using var harness = await ImportHarness.StartAsync();
        var (store, time, playbook, send, evening) = await QueueBeforeQuietHoursAsync(harness);
        var morning = evening.AddHours(10.5);
        var sender = store.Create<OutboundSender>(time);
        var client = harness.Client();

        // The queue is behind: the worker reaches the send at 22:15, inside quiet hours.
        time.Advance(TimeSpan.FromMinutes(45));
        var requestsBefore = harness.Simulator.Stats.Total;
        var handledInside = await sender.DrainAsync(client, Ct);
        var heldSend = await store.Outbound.GetOutboundAsync(send.Id, Ct);
        var heldRun = (await store.Playbooks.ListPlaybookRunsAsync(playbook.Id, 10, Ct)).ShouldHaveSingleItem();
        time.SetUtcNow(morning.AddMinutes(-1));
        var handledJustBefore = await sender.DrainAsync(client, Ct);
        var requestsWhileQuiet = harness.Simulator.Stats.Total - requestsBefore;
        time.SetUtcNow(morning.AddMinutes(1));
        var handledAfter = await sender.DrainAsync(client, Ct);
        var handledAgain = await sender.DrainAsync(client, Ct);

        handledInside.ShouldBe(1);
        requestsWhileQuiet.ShouldBe(0, "nothing reaches Intercom during quiet hours");
        heldSend.ShouldNotBeNull().Status.ShouldBe(OutboundStatuses.Queued, "held, not dropped");
        heldSend.HeldUntil.ShouldBe(morning);
        (heldRun.Status, heldRun.Reason).ShouldBe((PlaybookRunStatuses.Queued, $"Held for quiet hours in UTC until {morning:yyyy-MM-dd} 08:00 UTC."));
        handledJustBefore.ShouldBe(0, "still quiet at 07:59");
        (handledAfter, handledAgain).ShouldBe((1, 0));
        harness.Simulator.Stats.MessagesCreated.ShouldBe(1);
        harness.Simulator.Stats.RequestsTo("POST /messages").ShouldBe(1, "sent once, without looking first: the held claim was no attempt");
        var sent = (await store.Outbound.GetOutboundAsync(send.Id, Ct)).ShouldNotBeNull();
        sent.Status.ShouldBe(OutboundStatuses.Sent);
        (await store.Playbooks.ListPlaybookRunsAsync(playbook.Id, 10, Ct)).ShouldHaveSingleItem().IntercomId.ShouldBe(sent.IntercomId);
        harness.Workspace.Conversations.Count(c => c.Source.Body?.Contains("your export failed", StringComparison.Ordinal) == true).ShouldBe(1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_held_send_goes_back_to_the_sender_when_its_playbook_changes_and_is_sent_or_refused_under_the_new_settings(bool stillOn)
    {
        await using var harness = await ImportHarness.StartAsync();
        var (store, time, playbook, send, _) = await QueueBeforeQuietHoursAsync(harness);
        var sender = store.Create<OutboundSender>(time);
        var client = harness.Client();
        time.Advance(TimeSpan.FromMinutes(45));
        (await sender.DrainAsync(client, Ct)).ShouldBe(1, "held at 22:15");

        // Quiet hours moved to the small hours, or the playbook turned off, as the edit page and the API save it.
        await store.Playbooks.SavePlaybookAsync(playbook with { QuietStart = new TimeOnly(2, 0), QuietEnd = new TimeOnly(5, 0), Enabled = stillOn }, Ct);
        (await store.Playbooks.ReleaseDeferredPlaybookRunsAsync(playbook.Id, Ct)).ShouldBe(1);
        await sender.DrainAsync(client, Ct);

        var after = (await store.Outbound.GetOutboundAsync(send.Id, Ct)).ShouldNotBeNull();
        after.Status.ShouldBe(stillOn ? OutboundStatuses.Sent : OutboundStatuses.Failed);
        after.HeldUntil.ShouldBeNull();
        harness.Simulator.Stats.MessagesCreated.ShouldBe(stillOn ? 1 : 0, "no longer quiet at 22:15 under the new hours; never once turned off");
    }

    /// <summary>Ada imported, a playbook with quiet hours 22:00–08:00 UTC, and its send to her queued at 21:30 yesterday.</summary>
    private static async Task<(HubStores Store, FakeTimeProvider Time, Playbook Playbook, OutboundSend Send, DateTimeOffset Evening)> QueueBeforeQuietHoursAsync(
        ImportHarness harness)
    {
        var company = harness.Company("acme");
        var ada = harness.User("ada", company.Id);
        var admin = harness.Workspace.Admins.First(a => a.HasInboxSeat);
        // Yesterday 21:30 UTC; quiet hours 22:00–08:00 in the playbook's zone (the contact has none of its own).
        var evening = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(-1).AddHours(21.5), TimeSpan.Zero);
        var time = new FakeTimeProvider(evening);
        var store = await harness.OpenStoreAsync(timeProvider: time);
        await harness.ImportAsync(store);
        var userId = (await store.Browse.FindUserAsync("ada", Ct)).ShouldNotBeNull().Id.Value;
        var playbook = (await store.Playbooks.SavePlaybookAsync(new Playbook(
            0, "Export failed", new PlaybookTrigger(PlaybookTriggers.Event, "export-failed"), PlaybookActions.InApp, null, "Hi {{user.first_name}}",
            1, true, false, 1, 7, new TimeOnly(22, 0), new TimeOnly(8, 0), "UTC"), Ct))!;
        await store.Playbooks.AddPlaybookRunsAsync([new(playbook.Id, "event:1", userId, null)], Ct);
        var run = (await store.Playbooks.ListDuePlaybookRunsAsync(evening, 10, Ct)).ShouldHaveSingleItem();
        var send = (await store.Playbooks.QueuePlaybookSendAsync(run.Id, new OutboundRequest(
            $"playbook:{playbook.Id}:event:1:user-{userId}", OutboundKinds.Message, 1, admin.Id, null, ada.Id, "ada", "in_app", null,
            "Hi Ada, your export failed: want a hand?", []), Ct))!;
        return (store, time, playbook, send, evening);
    }
}
