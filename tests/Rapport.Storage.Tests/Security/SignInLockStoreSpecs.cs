using Rapport.Hub.Security;

namespace Rapport.Storage.Tests.Security;

public sealed class SignInLockStoreSpecs(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static readonly SignInLockPolicy Policy = new(3, TimeSpan.FromMinutes(15));
    private readonly FakeTimeProvider _time = new(Start);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_failure_that_reaches_the_limit_locks_the_email_whatever_its_case_until_the_lock_ends(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        (await hub.SignIns.RecordFailedSignInAsync("ada@example.test", Policy, Token)).ShouldBeNull();
        (await hub.SignIns.RecordFailedSignInAsync(" ADA@example.test", Policy, Token)).ShouldBeNull();
        var locked = await hub.SignIns.RecordFailedSignInAsync("Ada@Example.test", Policy, Token);

        locked.ShouldBe(Start.AddMinutes(15));
        (await hub.SignIns.FindSignInLockAsync("ada@EXAMPLE.test", Token)).ShouldBe(Start.AddMinutes(15));
        (await hub.SignIns.FindSignInLockAsync("grace@example.test", Token)).ShouldBeNull();
        _time.Advance(TimeSpan.FromMinutes(15));
        (await hub.SignIns.FindSignInLockAsync("ada@example.test", Token)).ShouldBeNull();
        (await hub.SignIns.RecordFailedSignInAsync("ada@example.test", Policy, Token)).ShouldBeNull("the count starts afresh after a lock");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Failures_older_than_the_window_or_before_a_success_no_longer_count(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);
        await hub.SignIns.RecordFailedSignInAsync("ada@example.test", Policy, Token);
        await hub.SignIns.RecordFailedSignInAsync("ada@example.test", Policy, Token);
        _time.Advance(TimeSpan.FromMinutes(16));
        await hub.SignIns.RecordFailedSignInAsync("ada@example.test", Policy, Token);
        await hub.SignIns.RecordFailedSignInAsync("grace@example.test", Policy, Token);
        await hub.SignIns.RecordFailedSignInAsync("grace@example.test", Policy, Token);

        await hub.SignIns.ClearFailedSignInsAsync("Grace@example.test", Token);

        (await hub.SignIns.RecordFailedSignInAsync("ada@example.test", Policy, Token)).ShouldBeNull("two in this window");
        (await hub.SignIns.RecordFailedSignInAsync("grace@example.test", Policy, Token)).ShouldBeNull("one since her success");
        (await hub.SignIns.RecordFailedSignInAsync("ada@example.test", Policy, Token)).ShouldBe(_time.GetUtcNow().AddMinutes(15));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task With_no_limit_nothing_is_ever_locked(string provider)
    {
        await using var hub = await fixture.OpenAsync(provider, _time);

        for (var i = 0; i < 20; i++)
            (await hub.SignIns.RecordFailedSignInAsync("ada@example.test", new SignInLockPolicy(0, TimeSpan.FromMinutes(15)), Token)).ShouldBeNull();

        (await hub.SignIns.FindSignInLockAsync("ada@example.test", Token)).ShouldBeNull();
    }
}
