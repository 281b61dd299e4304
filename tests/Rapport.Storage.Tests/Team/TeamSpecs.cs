using Rapport.Hub.Team;

namespace Rapport.Storage.Tests.Team;

public sealed class TeamSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_teammate_is_found_by_email_whatever_its_case_and_an_email_is_taken_once(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        var ada = await hub.Team.AddTeammateAsync("Ada@Example.test", "Ada", TeamRole.Leader, "ada@intercom.test", "hash-1", Token);
        var again = await hub.Team.AddTeammateAsync("ada@example.TEST", "Another Ada", TeamRole.Admin, null, "hash-2", Token);

        ada.ShouldNotBeNull();
        again.ShouldBeNull();
        var found = await hub.Team.FindTeammateByEmailAsync("ADA@example.test", Token);
        found.ShouldNotBeNull();
        found.Teammate.ShouldBe(ada);
        found.PasswordHash.ShouldBe("hash-1");
        ada.Role.ShouldBe(TeamRole.Leader);
        ada.IntercomAdminEmail.ShouldBe("ada@intercom.test");
        ada.CreatedAt.ShouldBe(Start);
        (await hub.Team.CountTeammatesAsync(Token)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_teammate_changes_role_and_seat_and_removing_them_revokes_their_tokens(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var bob = (await hub.Team.AddTeammateAsync("bob@example.test", "Bob", TeamRole.TeamMember, null, "hash", Token))!;
        await hub.Team.AddApiTokenAsync(bob.Id, "script", "token-hash", Token);

        (await hub.Team.UpdateTeammateAsync(bob.Id, "Robert", TeamRole.Admin, "bob@intercom.test", Token)).ShouldBeTrue();
        (await hub.Team.FindTeammateAsync(bob.Id, Token)).ShouldBe(bob with { Name = "Robert", Role = TeamRole.Admin, IntercomAdminEmail = "bob@intercom.test" });

        (await hub.Team.RemoveTeammateAsync(bob.Id, Token)).ShouldBeTrue();
        (await hub.Team.FindTeammateAsync(bob.Id, Token)).ShouldBeNull();
        (await hub.Team.UseApiTokenAsync("token-hash", Token)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_api_token_is_stamped_when_used_and_only_its_owner_revokes_it(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        var ada = (await hub.Team.AddTeammateAsync("ada@example.test", "Ada", TeamRole.Admin, null, "hash", Token))!;
        var bob = (await hub.Team.AddTeammateAsync("bob@example.test", "Bob", TeamRole.TeamMember, null, "hash", Token))!;
        var token = await hub.Team.AddApiTokenAsync(ada.Id, "reporting", "ada-token", Token);
        token.LastUsedAt.ShouldBeNull();

        _time.Advance(TimeSpan.FromMinutes(5));
        (await hub.Team.UseApiTokenAsync("ada-token", Token)).ShouldBe(ada);
        (await hub.Team.UseApiTokenAsync("unknown", Token)).ShouldBeNull();

        (await hub.Team.ListApiTokensAsync(ada.Id, Token)).ShouldHaveSingleItem().LastUsedAt.ShouldBe(Start.AddMinutes(5));
        (await hub.Team.RevokeApiTokenAsync(bob.Id, token.Id, Token)).ShouldBeFalse("a token is revoked by its owner");
        (await hub.Team.RevokeApiTokenAsync(ada.Id, token.Id, Token)).ShouldBeTrue();
        (await hub.Team.UseApiTokenAsync("ada-token", Token)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Data_protection_keys_survive_a_reopen_and_a_key_is_replaced_by_name(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        await hub.KeyRing.SaveDataProtectionKeyAsync("key-1", "<key id=\"1\" />", Token);
        await hub.KeyRing.SaveDataProtectionKeyAsync("key-2", "<key id=\"2\" />", Token);
        await hub.KeyRing.SaveDataProtectionKeyAsync("key-1", "<key id=\"1\" revoked=\"true\" />", Token);
        await hub.ReopenAsync(_time);

        (await hub.KeyRing.ListDataProtectionKeysAsync(Token)).ShouldBe(
            [new DataProtectionKey("key-1", "<key id=\"1\" revoked=\"true\" />"), new DataProtectionKey("key-2", "<key id=\"2\" />")]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_key_ring_wrapped_anew_is_saved_whole_and_a_lost_one_is_forgotten_whole(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.KeyRing.SaveDataProtectionKeyAsync("key-1", "<key id=\"1\" />", Token);

        await hub.KeyRing.SaveDataProtectionKeysAsync([new("key-1", "<key id=\"1\" wrapped=\"2\" />"), new("key-2", "<key id=\"2\" wrapped=\"2\" />")], Token);
        var wrapped = await hub.KeyRing.ListDataProtectionKeysAsync(Token);
        var forgotten = await hub.KeyRing.DeleteDataProtectionKeysAsync(Token);

        wrapped.Select(k => k.Xml).ShouldBe(["<key id=\"1\" wrapped=\"2\" />", "<key id=\"2\" wrapped=\"2\" />"]);
        forgotten.ShouldBe(2);
        (await hub.KeyRing.ListDataProtectionKeysAsync(Token)).ShouldBeEmpty();
    }
}
