using Rapport.Hub.Team;

namespace Rapport.Storage.Tests.Team;

public sealed class SessionSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_session_is_found_only_with_its_teammate_and_its_last_use_is_written_at_most_once_a_minute(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var ada = (await hub.Team.AddTeammateAsync("ada@example.test", "Ada", TeamRole.Admin, null, "hash", Token))!;
        var bob = (await hub.Team.AddTeammateAsync("bob@example.test", "Bob", TeamRole.TeamMember, null, "hash", Token))!;

        var started = (await hub.SignIns.StartSessionAsync(ada.Id, "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", Token))!;
        _time.Advance(TimeSpan.FromSeconds(30));
        var check = await hub.SignIns.UseSessionAsync(started.Id, ada.Id, Token);
        var afterHalfAMinute = (await hub.SignIns.ListSessionsAsync(ada.Id, Token)).ShouldHaveSingleItem();
        _time.Advance(TimeSpan.FromSeconds(40));
        await hub.SignIns.UseSessionAsync(started.Id, ada.Id, Token);
        var afterSeventySeconds = (await hub.SignIns.ListSessionsAsync(ada.Id, Token)).ShouldHaveSingleItem();

        check.ShouldBe(new SessionCheck(ada, started.SecurityStamp));
        started.SecurityStamp.Length.ShouldBe(32);
        afterHalfAMinute.ShouldBe(new TeammateSession(started.Id, ada.Id, Start, Start, "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"));
        afterSeventySeconds.LastSeenAt.ShouldBe(Start.AddSeconds(70));
        (await hub.SignIns.UseSessionAsync(started.Id, bob.Id, Token)).ShouldBeNull("a session is its teammate's only");
        (await hub.SignIns.StartSessionAsync(ada.Id + bob.Id + 1, null, null, Token)).ShouldBeNull("there is no such teammate");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_password_or_role_ends_every_session_and_changes_the_stamp_and_a_new_name_does_neither(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var bob = (await hub.Team.AddTeammateAsync("bob@example.test", "Bob", TeamRole.Leader, null, "hash", Token))!;
        var first = (await hub.SignIns.StartSessionAsync(bob.Id, null, null, Token))!;

        await hub.Team.UpdateTeammateAsync(bob.Id, "Robert", TeamRole.Leader, "bob@intercom.test", Token);
        var renamed = await hub.SignIns.UseSessionAsync(first.Id, bob.Id, Token);
        await hub.Team.UpdateTeammateAsync(bob.Id, "Robert", TeamRole.TeamMember, null, Token);
        var afterRole = await hub.SignIns.UseSessionAsync(first.Id, bob.Id, Token);
        var second = (await hub.SignIns.StartSessionAsync(bob.Id, null, null, Token))!;
        await hub.Team.SetTeammatePasswordAsync(bob.Id, "new-hash", Token);
        var afterPassword = await hub.SignIns.UseSessionAsync(second.Id, bob.Id, Token);
        var third = (await hub.SignIns.StartSessionAsync(bob.Id, null, null, Token))!;

        renamed.ShouldNotBeNull().SecurityStamp.ShouldBe(first.SecurityStamp);
        renamed.Teammate.Name.ShouldBe("Robert");
        afterRole.ShouldBeNull();
        second.SecurityStamp.ShouldNotBe(first.SecurityStamp);
        afterPassword.ShouldBeNull();
        third.SecurityStamp.ShouldNotBe(second.SecurityStamp);
        (await hub.SignIns.ListSessionsAsync(bob.Id, Token)).ShouldHaveSingleItem().Id.ShouldBe(third.Id);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sessions_end_one_at_a_time_all_but_one_by_going_unused_or_with_their_teammate_and_no_id_comes_back(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var ada = (await hub.Team.AddTeammateAsync("ada@example.test", "Ada", TeamRole.Admin, null, "hash", Token))!;
        var bob = (await hub.Team.AddTeammateAsync("bob@example.test", "Bob", TeamRole.TeamMember, null, "hash", Token))!;
        var one = (await hub.SignIns.StartSessionAsync(ada.Id, null, null, Token))!;
        var two = (await hub.SignIns.StartSessionAsync(ada.Id, null, null, Token))!;
        var three = (await hub.SignIns.StartSessionAsync(ada.Id, null, null, Token))!;
        var bobs = (await hub.SignIns.StartSessionAsync(bob.Id, null, null, Token))!;

        (await hub.SignIns.EndSessionAsync(bob.Id, three.Id, Token)).ShouldBeFalse("a teammate ends only their own sessions");
        (await hub.SignIns.EndSessionAsync(ada.Id, three.Id, Token)).ShouldBeTrue();
        var four = (await hub.SignIns.StartSessionAsync(ada.Id, null, null, Token))!;
        four.Id.ShouldBeGreaterThan(three.Id, "an ended session's id is never handed out again");
        (await hub.SignIns.EndSessionsAsync(ada.Id, four.Id, Token)).ShouldBe(2);
        (await hub.SignIns.ListSessionsAsync(ada.Id, Token)).Select(s => s.Id).ShouldBe([four.Id]);
        (await hub.SignIns.UseSessionAsync(one.Id, ada.Id, Token)).ShouldBeNull();
        (await hub.SignIns.UseSessionAsync(two.Id, ada.Id, Token)).ShouldBeNull();

        _time.Advance(TeammateSessions.IdleLifetime + TimeSpan.FromMinutes(2));
        (await hub.SignIns.UseSessionAsync(four.Id, ada.Id, Token)).ShouldBeNull("a session unused for its lifetime has ended");
        (await hub.SignIns.ListSessionsAsync(ada.Id, Token)).ShouldBeEmpty();
        (await hub.SignIns.EndSessionsAsync(ada.Id, null, Token)).ShouldBe(0, "only live sessions are counted");

        (await hub.Team.RemoveTeammateAsync(bob.Id, Token)).ShouldBeTrue();
        (await hub.SignIns.UseSessionAsync(bobs.Id, bob.Id, Token)).ShouldBeNull();
    }
}
