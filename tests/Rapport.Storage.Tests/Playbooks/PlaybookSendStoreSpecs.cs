using Rapport.Hub.Messaging;
using Rapport.Hub.Playbooks;
using Rapport.Hub.Users;

namespace Rapport.Storage.Tests.Playbooks;

/// <summary>
/// A playbook's send is queued and its run recorded as one write: whichever of the two fails, neither is kept, so the audit
/// and the frequency cap always agree with the queue.
/// </summary>
public sealed class PlaybookSendStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Playbook NewPlaybook() => new(
        0, "Export failed", new PlaybookTrigger(PlaybookTriggers.Event, "export-failed"), PlaybookActions.InApp,
        null, "Hi {{user.first_name}}", 7, true, false, 1, 7, null, null, "UTC");

    private static OutboundRequest Message(long playbookId) => new(
        $"playbook:{playbookId}:event:1:user-10", OutboundKinds.Message, 7, "991", null, "contact-1", "u-10", "in_app", null, "Hi Ada", []);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_run_s_send_is_queued_with_the_run_recorded_and_a_run_already_handled_or_deleted_queues_nothing(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var playbook = (await hub.Playbooks.SavePlaybookAsync(NewPlaybook(), Token))!;
        var other = (await hub.Playbooks.SavePlaybookAsync(NewPlaybook() with { Name = "Other" }, Token))!;
        await hub.Playbooks.AddPlaybookRunsAsync([new(playbook.Id, "event:1", 10, null), new(other.Id, "event:1", 10, null)], Token);
        var runs = await hub.Playbooks.ListDuePlaybookRunsAsync(_time.GetUtcNow(), 10, Token);

        var send = await hub.Playbooks.QueuePlaybookSendAsync(runs[0].Id, Message(playbook.Id), Token);
        var again = await hub.Playbooks.QueuePlaybookSendAsync(runs[0].Id, Message(playbook.Id) with { IdempotencyKey = "another-key" }, Token);
        await hub.Playbooks.DeletePlaybookAsync(other.Id, Token);
        var deleted = await hub.Playbooks.QueuePlaybookSendAsync(runs[1].Id, Message(other.Id), Token);

        send.ShouldNotBeNull().Status.ShouldBe(OutboundStatuses.Queued);
        again.ShouldBeNull("the run is already queued: a second pass handling it sends nothing more");
        deleted.ShouldBeNull("the run went with its playbook");
        (await hub.Outbound.ListOutboundAsync(10, Token)).ShouldHaveSingleItem().Id.ShouldBe(send.Id);
        var audit = (await hub.Playbooks.ListPlaybookRunsAsync(playbook.Id, 10, Token)).ShouldHaveSingleItem();
        (audit.Status, audit.SendId).ShouldBe((PlaybookRunStatuses.Queued, send.Id));
        (await hub.Playbooks.CountPlaybookSendsAsync(playbook.Id, new UserId(10), Start.AddDays(-7), Token)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task When_recording_the_run_fails_the_send_queued_just_before_is_not_kept(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var playbook = (await hub.Playbooks.SavePlaybookAsync(NewPlaybook(), Token))!;
        await hub.Playbooks.AddPlaybookRunsAsync([new(playbook.Id, "event:1", 10, null)], Token);
        var run = (await hub.Playbooks.ListDuePlaybookRunsAsync(_time.GetUtcNow(), 10, Token)).ShouldHaveSingleItem();
        await FailWritesAsync(hub, provider, "UPDATE", "playbook_runs");

        await Should.ThrowAsync<System.Data.Common.DbException>(() => hub.Playbooks.QueuePlaybookSendAsync(run.Id, Message(playbook.Id), Token));

        (await hub.Outbound.ListOutboundAsync(10, Token)).ShouldBeEmpty("a send with no run recorded would escape the frequency cap");
        (await hub.Playbooks.ListDuePlaybookRunsAsync(_time.GetUtcNow(), 10, Token)).ShouldHaveSingleItem().Status.ShouldBe(PlaybookRunStatuses.Pending);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task When_queueing_the_send_fails_the_run_stays_pending_and_uncounted(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var playbook = (await hub.Playbooks.SavePlaybookAsync(NewPlaybook(), Token))!;
        await hub.Playbooks.AddPlaybookRunsAsync([new(playbook.Id, "event:1", 10, null)], Token);
        var run = (await hub.Playbooks.ListDuePlaybookRunsAsync(_time.GetUtcNow(), 10, Token)).ShouldHaveSingleItem();
        await FailWritesAsync(hub, provider, "INSERT", "outbound_sends");

        await Should.ThrowAsync<System.Data.Common.DbException>(() => hub.Playbooks.QueuePlaybookSendAsync(run.Id, Message(playbook.Id), Token));

        (await hub.Outbound.ListOutboundAsync(10, Token)).ShouldBeEmpty();
        (await hub.Playbooks.ListDuePlaybookRunsAsync(_time.GetUtcNow(), 10, Token)).ShouldHaveSingleItem().Status.ShouldBe(PlaybookRunStatuses.Pending);
        (await hub.Playbooks.CountPlaybookSendsAsync(playbook.Id, new UserId(10), Start.AddDays(-7), Token)).ShouldBe(0, "nothing was queued, so nothing counts");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_send_held_for_quiet_hours_is_claimed_again_only_when_they_end_and_its_run_says_why(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var playbook = (await hub.Playbooks.SavePlaybookAsync(NewPlaybook(), Token))!;
        await hub.Playbooks.AddPlaybookRunsAsync([new(playbook.Id, "event:1", 10, null)], Token);
        var run = (await hub.Playbooks.ListDuePlaybookRunsAsync(_time.GetUtcNow(), 10, Token)).ShouldHaveSingleItem();
        var send = (await hub.Playbooks.QueuePlaybookSendAsync(run.Id, Message(playbook.Id), Token))!;
        var claimed = (await hub.Outbound.ClaimOutboundAsync(10, TimeSpan.FromSeconds(15), Token)).ShouldHaveSingleItem();
        var until = Start.AddHours(8);

        var held = await hub.Playbooks.HoldPlaybookSendAsync(send.Id, until, "Held for quiet hours until 08:00 UTC.", Token);
        var whileQuiet = await hub.Outbound.ClaimOutboundAsync(10, TimeSpan.FromSeconds(15), Token);
        _time.Advance(TimeSpan.FromHours(8));
        var afterQuiet = await hub.Outbound.ClaimOutboundAsync(10, TimeSpan.FromSeconds(15), Token);

        held.ShouldBeTrue();
        claimed.Id.ShouldBe(send.Id);
        whileQuiet.ShouldBeEmpty("a held send waits for the end of quiet hours, however stale its lease");
        var again = afterQuiet.ShouldHaveSingleItem();
        (again.Id, again.HeldUntil, again.Attempts).ShouldBe((send.Id, until, 1), "the held claim was no attempt: nothing to look for in Intercom first");
        var audit = (await hub.Playbooks.GetPlaybookRunBySendAsync(send.Id, Token)).ShouldNotBeNull();
        (audit.Status, audit.Reason, audit.NotBefore).ShouldBe((PlaybookRunStatuses.Queued, "Held for quiet hours until 08:00 UTC.", until));
        (await hub.Playbooks.CountPlaybookSendsAsync(playbook.Id, new UserId(10), Start.AddDays(-7), Token)).ShouldBe(1, "a held send still counts towards the cap");
    }

    /// <summary>The database itself refuses every <paramref name="operation"/> on <paramref name="table"/>, as a full disk would.</summary>
    private static Task FailWritesAsync(TestStore hub, string provider, string operation, string table) =>
        hub.ExecuteAsync(provider == Providers.Sqlite
            ? $"CREATE TRIGGER fail_{table} BEFORE {operation} ON {table} BEGIN SELECT RAISE(ABORT, 'the disk is full'); END"
            : $"""
              CREATE FUNCTION fail_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the disk is full'; END $$;
              CREATE TRIGGER fail_{table} BEFORE {operation} ON {table} FOR EACH ROW EXECUTE FUNCTION fail_write();
              """);
}
