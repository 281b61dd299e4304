using Rapport.Hub.Messaging;
using Rapport.Hub.Playbooks;
using Rapport.Hub.Users;

namespace Rapport.Storage.Tests.Playbooks;

/// <summary>Playbooks and their runs: kept as saved, one run per occurrence and user, deferred runs due at their time, an audit with Intercom ids.</summary>
public sealed class PlaybookStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Playbook NewPlaybook() => new(
        0, "Export failed", new PlaybookTrigger(PlaybookTriggers.MetricCrossed, "Weekly logins", 3.5m, "down"), PlaybookActions.Email,
        "About {{account.name}}", "Hi {{user.first_name}}", 7, true, false, 2, 7, new TimeOnly(22, 0), new TimeOnly(8, 0), "Europe/Paris");

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_playbook_is_kept_as_saved_and_replaced_by_its_id(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        var saved = (await hub.Playbooks.SavePlaybookAsync(NewPlaybook() with { EventCursor = 41 }, Token)).ShouldNotBeNull();
        var replaced = await hub.Playbooks.SavePlaybookAsync(saved with { Name = "Logins dropping", Enabled = false }, Token);
        var missing = await hub.Playbooks.SavePlaybookAsync(saved with { Id = saved.Id + 100 }, Token);

        saved.Id.ShouldBeGreaterThan(0);
        saved.Trigger.ShouldBe(new PlaybookTrigger(PlaybookTriggers.MetricCrossed, "Weekly logins", 3.5m, "down"));
        (saved.QuietStart, saved.QuietEnd, saved.TimeZone, saved.EventCursor).ShouldBe((new TimeOnly(22, 0), new TimeOnly(8, 0), "Europe/Paris", 41L));
        replaced.ShouldNotBeNull().Name.ShouldBe("Logins dropping");
        replaced.Enabled.ShouldBeFalse();
        missing.ShouldBeNull();
        (await hub.Playbooks.ListPlaybooksAsync(Token)).ShouldHaveSingleItem().Name.ShouldBe("Logins dropping");
        (await hub.Playbooks.DeletePlaybookAsync(saved.Id, Token)).ShouldBeTrue();
        (await hub.Playbooks.GetPlaybookAsync(saved.Id, Token)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_run_is_recorded_once_per_occurrence_and_user_and_a_deferred_one_is_due_at_its_time(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var playbook = (await hub.Playbooks.SavePlaybookAsync(NewPlaybook(), Token))!;

        var added = await hub.Playbooks.AddPlaybookRunsAsync([new(playbook.Id, "event:1", 10, null), new(playbook.Id, "event:1", 11, null)], Token);
        var again = await hub.Playbooks.AddPlaybookRunsAsync([new(playbook.Id, "event:1", 10, null)], Token);
        var due = await hub.Playbooks.ListDuePlaybookRunsAsync(_time.GetUtcNow(), 10, Token);
        await hub.Playbooks.UpdatePlaybookRunAsync(due[0].Id, PlaybookRunStatuses.Deferred, "Quiet hours", null, Start.AddHours(1), Token);
        var whileQuiet = await hub.Playbooks.ListDuePlaybookRunsAsync(_time.GetUtcNow(), 10, Token);
        _time.Advance(TimeSpan.FromHours(1));
        var afterQuiet = await hub.Playbooks.ListDuePlaybookRunsAsync(_time.GetUtcNow(), 10, Token);

        (added, again).ShouldBe((2, 0));
        due.Select(r => r.UserId).ShouldBe([10L, 11L]);
        whileQuiet.ShouldHaveSingleItem().UserId.ShouldBe(11);
        afterQuiet.Select(r => r.UserId).ShouldBe([10L, 11L]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_audit_shows_each_send_with_its_Intercom_id_and_the_cap_counts_sends_in_its_window(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var playbook = (await hub.Playbooks.SavePlaybookAsync(NewPlaybook(), Token))!;
        await hub.Playbooks.AddPlaybookRunsAsync([new(playbook.Id, "event:1", 10, null), new(playbook.Id, "event:2", 10, null)], Token);
        var runs = await hub.Playbooks.ListDuePlaybookRunsAsync(_time.GetUtcNow(), 10, Token);
        var (send, _) = await hub.Outbound.QueueOutboundAsync(new OutboundRequest(
            "playbook:1:event:1:user-10", OutboundKinds.Message, 7, "991", null, "contact-1", "u-10", "email", "Hello", "Hi", []), Token);

        await hub.Playbooks.UpdatePlaybookRunAsync(runs[0].Id, PlaybookRunStatuses.Queued, null, send.Id, null, Token);
        await hub.Playbooks.UpdatePlaybookRunAsync(runs[1].Id, PlaybookRunStatuses.Skipped, "Frequency cap", null, null, Token);
        await hub.Outbound.MarkOutboundSentAsync(send.Id, "msg-77", "conv-5", Token);
        var audit = await hub.Playbooks.ListPlaybookRunsAsync(playbook.Id, 10, Token);
        var withinWeek = await hub.Playbooks.CountPlaybookSendsAsync(playbook.Id, new UserId(10), Start.AddDays(-7), Token);
        _time.Advance(TimeSpan.FromDays(8));
        var nextWeek = await hub.Playbooks.CountPlaybookSendsAsync(playbook.Id, new UserId(10), _time.GetUtcNow().AddDays(-7), Token);

        audit.Select(r => (r.Status, r.IntercomId, r.Reason)).ShouldBe([(PlaybookRunStatuses.Skipped, null, "Frequency cap"), (PlaybookRunStatuses.Queued, "msg-77", null)]);
        (withinWeek, nextWeek).ShouldBe((1, 0));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Users_away_are_listed_once_per_absence_for_a_playbook_however_many_have_long_been_away(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var playbook = (await hub.Playbooks.SavePlaybookAsync(NewPlaybook(), Token))!;
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "Ext-1"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync(
        [
            Contact("long-gone", "u-1", "c1") with { LastSeenAt = Start.AddDays(-90) },
            Contact("away", "u-2", "c1") with { LastSeenAt = Start.AddDays(-20) },
            Contact("here", "u-3", "c1") with { LastSeenAt = Start.AddDays(-1) },
        ], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        var before = Start.AddDays(-14);

        var all = await hub.Playbooks.ListUsersLastSeenBeforeAsync(before, 10, cancellationToken: Token);
        var firstPage = await hub.Playbooks.ListUsersLastSeenBeforeAsync(before, 1, playbook.Id, Token);
        await hub.Playbooks.AddPlaybookRunsAsync([new(playbook.Id, $"last-seen:{firstPage[0].LastSeen.ToUnixTimeSeconds()}", firstPage[0].UserId, null)], Token);
        var secondPage = await hub.Playbooks.ListUsersLastSeenBeforeAsync(before, 1, playbook.Id, Token);
        await hub.Playbooks.AddPlaybookRunsAsync([new(playbook.Id, $"last-seen:{secondPage[0].LastSeen.ToUnixTimeSeconds()}", secondPage[0].UserId, null)], Token);
        var none = await hub.Playbooks.ListUsersLastSeenBeforeAsync(before, 10, playbook.Id, Token);
        var forAnother = await hub.Playbooks.ListUsersLastSeenBeforeAsync(before, 10, playbook.Id + 1, Token);
        // Seen again after the run, and gone again: a new absence.
        _time.Advance(TimeSpan.FromDays(30));
        await hub.Sources.MirrorContactsAsync([Contact("long-gone", "u-1", "c1") with { LastSeenAt = Start.AddDays(1) }], "run-2", cancellationToken: Token);
        var againAway = await hub.Playbooks.ListUsersLastSeenBeforeAsync(_time.GetUtcNow().AddDays(-14), 10, playbook.Id, Token);

        all.Select(u => u.LastSeen).ShouldBe([Start.AddDays(-90), Start.AddDays(-20)]);
        firstPage.ShouldHaveSingleItem().UserId.ShouldBe(all[0].UserId);
        secondPage.ShouldHaveSingleItem().UserId.ShouldBe(all[1].UserId, "the one listed is not listed again, so the next one is reached");
        none.ShouldBeEmpty();
        againAway.Select(u => u.UserId).ShouldContain(all[0].UserId);
        againAway.Select(u => u.UserId).ShouldNotContain(all[1].UserId, "still the same absence");
        forAnother.Count.ShouldBe(2, "another playbook has its own runs");
    }
}
