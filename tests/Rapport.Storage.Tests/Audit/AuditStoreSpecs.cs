using System.Data.Common;
using Rapport.Hub.Audit;

namespace Rapport.Storage.Tests.Audit;

public sealed class AuditStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Entries_are_kept_as_written_and_read_newest_first_page_by_page(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var ada = new AuditActor(7, "Ada Lovelace", "ada@example.test");
        var first = await hub.Audit.AppendAuditEntryAsync(new NewAuditEntry("sign_in.failed", null, "203.0.113.1", "ada@example.test", "wrong password"), Token);
        _time.Advance(TimeSpan.FromSeconds(1));
        await hub.Audit.AppendAuditEntryAsync(new NewAuditEntry("sign_in.succeeded", ada, "203.0.113.1", "ada@example.test", null), Token);
        _time.Advance(TimeSpan.FromSeconds(1));
        var last = await hub.Audit.AppendAuditEntryAsync(new NewAuditEntry("teammate.role_changed", ada, "::1", "Grace Hopper (grace@example.test)", "Team Member → Leader"), Token);

        var page = await hub.Audit.ListAuditEntriesAsync(null, 2, Token);
        var rest = await hub.Audit.ListAuditEntriesAsync(page[^1].Id, 2, Token);

        page.Select(e => e.Action).ShouldBe(["teammate.role_changed", "sign_in.succeeded"]);
        rest.ShouldBe([first]);
        page[0].ShouldBe(last);
        last.ShouldBe(new AuditEntry(last.Id, Start.AddSeconds(2), "teammate.role_changed", ada, "::1", "Grace Hopper (grace@example.test)", "Team Member → Leader"));
        first.Actor.ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_database_refuses_to_change_or_remove_an_entry(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var entry = await hub.Audit.AppendAuditEntryAsync(new NewAuditEntry("sign_out", new AuditActor(1, "Admin", "admin@example.test"), "127.0.0.1", null, null), Token);

        var update = await Should.ThrowAsync<DbException>(() => hub.ExecuteAsync("UPDATE audit_log SET actor_name = 'Someone else'"));
        var delete = await Should.ThrowAsync<DbException>(() => hub.ExecuteAsync("DELETE FROM audit_log"));

        update.Message.ShouldContain("append-only");
        delete.Message.ShouldContain("append-only");
        (await hub.Audit.ListAuditEntriesAsync(null, 10, Token)).ShouldBe([entry]);
    }

    [Fact]
    public void The_store_has_no_way_to_change_or_remove_an_entry()
    {
        var auditMethods = typeof(IAuditStore).GetMethods().Select(m => m.Name);

        auditMethods.ShouldBe(["AppendAuditEntryAsync", "ListAuditEntriesAsync"], ignoreOrder: true);
    }
}
