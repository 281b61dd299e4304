namespace Rapport.Storage.Tests.Users;

public sealed class ContactSegmentSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>ada (u1), bob (u2) and carol (u3), all users of the imported company acme (c1).</summary>
    private static async Task<TestStore> WithUsersAsync(StoreFixture fixture, string provider, TimeProvider time)
    {
        var hub = await fixture.OpenAsync(provider, time);
        await hub.Sources.ApplyCompaniesAsync([Qualified(Company("c1", "acme"))], "run-1", cancellationToken: Token);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1"), Contact("u2", "bob", "c1"), Contact("u3", "carol", "c1")], "run-1", cancellationToken: Token);
        await hub.Sources.DeriveUsersAsync(Intercom, Token);
        return hub;
    }

    private static Dictionary<string, IReadOnlyList<string>> Membership(params (string Contact, string[] Segments)[] entries) =>
        entries.ToDictionary(e => e.Contact, IReadOnlyList<string> (e) => e.Segments, StringComparer.Ordinal);

    private static async Task<IReadOnlyList<string>> SegmentsOfAsync(TestStore hub, string externalId) =>
        (await hub.Browse.FindUserAsync(externalId, Token)).ShouldNotBeNull().Sources.ShouldHaveSingleItem().Segments;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_contacts_segments_are_kept_sorted_without_repeats(string provider)
    {
        // Arrange
        await using var hub = await WithUsersAsync(fixture, provider, _time);

        // Act
        var changed = await hub.Sources.ReplaceContactSegmentsAsync(
            Intercom, Membership(("u1", ["VIP", "Active trial", "VIP"]), ("u2", ["Churn risk"])), Token);

        // Assert
        changed.ShouldBe(3);
        (await SegmentsOfAsync(hub, "ada")).ShouldBe(["Active trial", "VIP"]);
        (await SegmentsOfAsync(hub, "bob")).ShouldBe(["Churn risk"]);
        (await SegmentsOfAsync(hub, "carol")).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Replacing_gives_each_contact_exactly_the_new_list_and_empties_those_left_out(string provider)
    {
        // Arrange
        await using var hub = await WithUsersAsync(fixture, provider, _time);
        await hub.Sources.ReplaceContactSegmentsAsync(Intercom, Membership(("u1", ["A", "B"]), ("u2", ["B"]), ("u3", ["C"])), Token);

        // Act
        var changed = await hub.Sources.ReplaceContactSegmentsAsync(Intercom, Membership(("u1", ["B", "D"]), ("u3", ["C"])), Token);

        // Assert
        changed.ShouldBe(3); // ada lost A and gained D, bob lost B
        (await SegmentsOfAsync(hub, "ada")).ShouldBe(["B", "D"]);
        (await SegmentsOfAsync(hub, "bob")).ShouldBeEmpty();
        (await SegmentsOfAsync(hub, "carol")).ShouldBe(["C"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Replacing_with_the_same_membership_changes_nothing(string provider)
    {
        // Arrange
        await using var hub = await WithUsersAsync(fixture, provider, _time);
        await hub.Sources.ReplaceContactSegmentsAsync(Intercom, Membership(("u1", ["A", "B"]), ("u2", ["B"])), Token);
        var before = await hub.Browse.ExportSnapshotAsync(Token);

        // Act
        var changed = await hub.Sources.ReplaceContactSegmentsAsync(Intercom, Membership(("u2", ["B"]), ("u1", ["B", "A"])), Token);

        // Assert
        changed.ShouldBe(0);
        (await hub.Browse.ExportSnapshotAsync(Token)).ShouldBe(before);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Contacts_not_in_the_mirror_are_ignored(string provider)
    {
        // Arrange
        await using var hub = await WithUsersAsync(fixture, provider, _time);

        // Act
        var changed = await hub.Sources.ReplaceContactSegmentsAsync(Intercom, Membership(("u1", ["A"]), ("lead-9", ["A", "B"])), Token);

        // Assert
        changed.ShouldBe(1);
        (await SegmentsOfAsync(hub, "ada")).ShouldBe(["A"]);
        (await hub.QueryAsync<string>("SELECT source_id FROM source_contact_segments")).ShouldBe(["u1"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Segments_of_another_source_are_left_alone(string provider)
    {
        // Arrange
        await using var hub = await WithUsersAsync(fixture, provider, _time);
        await hub.Sources.MirrorContactsAsync([Contact("u1", "ada", "c1") with { Source = "other" }], "run-1", cancellationToken: Token);
        await hub.Sources.ReplaceContactSegmentsAsync("other", Membership(("u1", ["Elsewhere"])), Token);

        // Act
        await hub.Sources.ReplaceContactSegmentsAsync(Intercom, Membership(("u2", ["A"])), Token);

        // Assert
        (await hub.QueryAsync<(string Source, string SourceId, string Segment)>(
            "SELECT source, source_id, segment FROM source_contact_segments ORDER BY source, source_id"))
            .ShouldBe([(Intercom, "u2", "A"), ("other", "u1", "Elsewhere")]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_forgotten_contacts_segments_go_with_it(string provider)
    {
        // Arrange
        await using var hub = await WithUsersAsync(fixture, provider, _time);
        await hub.Sources.ReplaceContactSegmentsAsync(Intercom, Membership(("u1", ["A"]), ("u2", ["A"])), Token);

        // Act
        await hub.Sources.ForgetContactsAsync(Intercom, ["u1"], Token);

        // Assert
        (await hub.QueryAsync<string>("SELECT source_id FROM source_contact_segments")).ShouldBe(["u2"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_snapshot_lists_each_contacts_segments(string provider)
    {
        // Arrange
        await using var hub = await WithUsersAsync(fixture, provider, _time);

        // Act
        await hub.Sources.ReplaceContactSegmentsAsync(Intercom, Membership(("u2", ["Zeta", "alpha", "Beta"])), Token);

        // Assert
        var snapshot = await hub.Browse.ExportSnapshotAsync(Token);
        snapshot.ShouldContain("""tags=["newsletter"] segments=["Beta","Zeta","alpha"] companies=["c1"]""");
        snapshot.Split('\n').Count(l => l.Contains("segments=[]", StringComparison.Ordinal)).ShouldBe(2);
    }
}
