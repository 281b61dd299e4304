namespace Rapport.Application.Tests;

public sealed class SegmentImportSpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_users_segments_come_in_with_the_user()
    {
        // Arrange
        await using var harness = await ImportHarness.StartAsync();
        var company = harness.Company("acme");
        var vip = harness.Workspace.AddSegment("VIP");
        var trial = harness.Workspace.AddSegment("Active trial");
        var alice = harness.User("alice", company.Id);
        harness.User("bob", company.Id);
        harness.Workspace.UpdateContact(alice.Id, c => { c.SegmentIds.Add(vip.Id); c.SegmentIds.Add(trial.Id); });
        var store = await harness.OpenStoreAsync();

        // Act
        await harness.ImportAsync(store);

        // Assert
        (await store.Browse.FindUserAsync("alice", Ct)).ShouldNotBeNull().Sources.ShouldHaveSingleItem().Segments.ShouldBe(["Active trial", "VIP"]);
        (await store.Browse.FindUserAsync("bob", Ct)).ShouldNotBeNull().Sources.ShouldHaveSingleItem().Segments.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_user_removed_from_a_segment_loses_it_on_the_next_import()
    {
        // Arrange
        await using var harness = await ImportHarness.StartAsync();
        var company = harness.Company("acme");
        var vip = harness.Workspace.AddSegment("VIP");
        var churnRisk = harness.Workspace.AddSegment("Churn risk");
        var alice = harness.User("alice", company.Id);
        var bob = harness.User("bob", company.Id);
        harness.Workspace.UpdateContact(alice.Id, c => { c.SegmentIds.Add(vip.Id); c.SegmentIds.Add(churnRisk.Id); });
        harness.Workspace.UpdateContact(bob.Id, c => c.SegmentIds.Add(churnRisk.Id));
        var store = await harness.OpenStoreAsync();
        await harness.ImportAsync(store);

        // Act
        harness.Workspace.UpdateContact(alice.Id, c => c.SegmentIds.Remove(churnRisk.Id));
        harness.Workspace.UpdateContact(bob.Id, c => { c.SegmentIds.Remove(churnRisk.Id); c.SegmentIds.Add(vip.Id); });
        var second = await harness.ImportAsync(store);

        // Assert
        second.Incremental.ShouldBeTrue();
        (await store.Browse.FindUserAsync("alice", Ct)).ShouldNotBeNull().Sources.ShouldHaveSingleItem().Segments.ShouldBe(["VIP"]);
        (await store.Browse.FindUserAsync("bob", Ct)).ShouldNotBeNull().Sources.ShouldHaveSingleItem().Segments.ShouldBe(["VIP"]);
    }

    [Fact]
    public async Task Lead_segments_are_not_read()
    {
        // Arrange
        await using var harness = await ImportHarness.StartAsync();
        var company = harness.Company("acme");
        var leads = harness.Workspace.AddSegment("Website visitors", personType: "contact");
        var users = harness.Workspace.AddSegment("Power users");
        var alice = harness.User("alice", company.Id);
        // Intercom would not put a user in a lead segment; the simulator lets us, so reading it would show.
        harness.Workspace.UpdateContact(alice.Id, c => { c.SegmentIds.Add(leads.Id); c.SegmentIds.Add(users.Id); });
        var store = await harness.OpenStoreAsync();

        // Act
        await harness.ImportAsync(store);

        // Assert
        (await store.Browse.FindUserAsync("alice", Ct)).ShouldNotBeNull().Sources.ShouldHaveSingleItem().Segments.ShouldBe(["Power users"]);
        // A full import lists contacts with GET /contacts, so every search is one user segment's single page.
        harness.Workspace.Segments.ShouldContain(s => s.PersonType == "contact" && s.Id != leads.Id);
        harness.Simulator.Stats.RequestsTo("POST /contacts/search").ShouldBe(harness.Workspace.Segments.Count(s => s.PersonType == "user"));
    }

    [Fact]
    public async Task A_segment_larger_than_a_page_reaches_all_its_members()
    {
        // Arrange
        await using var harness = await ImportHarness.StartAsync();
        harness.Company("big", users: 160);
        var everyone = harness.Workspace.AddSegment("Everyone");
        foreach (var contact in harness.Workspace.Contacts)
            harness.Workspace.UpdateContact(contact.Id, c => c.SegmentIds.Add(everyone.Id));
        var store = await harness.OpenStoreAsync();

        // Act
        await harness.ImportAsync(store);

        // Assert
        (await store.Browse.FindUserAsync("big-user-0", Ct)).ShouldNotBeNull().Sources.ShouldHaveSingleItem().Segments.ShouldBe(["Everyone"]);
        (await store.Browse.FindUserAsync("big-user-159", Ct)).ShouldNotBeNull().Sources.ShouldHaveSingleItem().Segments.ShouldBe(["Everyone"]);
        (await store.Browse.ExportSnapshotAsync(Ct)).Split('\n').Count(l => l.Contains("segments=[\"Everyone\"]", StringComparison.Ordinal)).ShouldBe(160);
    }

    [Fact]
    public async Task Segments_are_read_again_even_when_no_contact_changed()
    {
        // Arrange
        await using var harness = await ImportHarness.StartAsync();
        var company = harness.Company("acme");
        var vip = harness.Workspace.AddSegment("VIP");
        var alice = harness.User("alice", company.Id);
        harness.Workspace.UpdateContact(alice.Id, c => c.SegmentIds.Add(vip.Id));
        var store = await harness.OpenStoreAsync();
        await harness.ImportAsync(store);

        // Act: the membership changes but the contact does not look updated, so the incremental search finds nobody.
        harness.Workspace.UpdateContact(alice.Id, c => { c.SegmentIds.Remove(vip.Id); c.UpdatedAt = harness.Now.AddDays(-10); });
        var second = await harness.ImportAsync(store);

        // Assert
        second.Incremental.ShouldBeTrue();
        second.Users.Updated.ShouldBe(0);
        (await store.Browse.FindUserAsync("alice", Ct)).ShouldNotBeNull().Sources.ShouldHaveSingleItem().Segments.ShouldBeEmpty();
    }
}
