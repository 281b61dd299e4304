using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Rapport.Web.Tests.Security.SignInThrottleSpecs;

namespace Rapport.Web.Tests.Security;

/// <summary>
/// An account locks after ten failed sign-ins, from however many addresses they come, and says so; an unknown email
/// behaves exactly like a known one, down to the password hash it verifies. Time is the app's own clock, a
/// <see cref="FakeTimeProvider"/>, so "until the lock ends" is tested by moving it, not by waiting.
/// </summary>
public sealed class LockoutSpecs
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(WebHub.AdminEmail)]
    [InlineData("nobody@example.test")]
    public async Task Ten_failures_lock_the_account_until_the_lock_ends_even_for_the_right_password(string email)
    {
        // Arrange: a distributed guess, one address per attempt, so no address is throttled
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var hub = await WebHub.StartAsync(null, o => o with { TrustedProxies = ["127.0.0.1"], TimeProvider = time }, Cancel);
        for (var attempt = 1; attempt <= 10; attempt++)
            await SignInAsync(ClientAt(hub, $"198.51.100.{attempt}"), email, $"a wrong guess {attempt}");
        var password = email == WebHub.AdminEmail ? WebHub.AdminPassword : "whatever it is";

        // Act
        var locked = await SignInAsync(ClientAt(hub, "203.0.113.50"), email, password);

        // Assert
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var until = time.GetUtcNow().AddMinutes(15).ToString("HH:mm", CultureInfo.InvariantCulture);
        (await locked.Content.ReadAsStringAsync(Cancel)).ShouldContain($"This account is locked until {until} UTC after repeated failed sign-ins");

        time.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await SignInAsync(ClientAt(hub, "203.0.113.51"), email, password);
        (await stillLocked.Content.ReadAsStringAsync(Cancel)).ShouldContain("This account is locked until");

        time.Advance(TimeSpan.FromMinutes(1));
        var after = await SignInAsync(ClientAt(hub, "203.0.113.52"), email, password);
        if (email == WebHub.AdminEmail)
            after.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the right password works once the lock has ended");
        else
            (await after.Content.ReadAsStringAsync(Cancel)).ShouldContain("do not match a teammate");
    }

    [Fact]
    public async Task An_unknown_email_verifies_a_password_hash_as_a_wrong_password_does()
    {
        await using var hub = await WebHub.StartAsync(cancellationToken: Cancel);
        using var verifications = new Measurements(hub, "rapport.auth.password_verifications");
        var client = hub.Client();

        await SignInAsync(client, "nobody@example.test", "whatever it is");
        var forUnknown = verifications.Take();
        await SignInAsync(client, WebHub.AdminEmail, "not the password");
        var forWrongPassword = verifications.Take();

        forUnknown.ShouldBe(1, "an unknown email is checked against a stand-in hash");
        forWrongPassword.ShouldBe(1);
    }

    /// <summary>What the app's own meter counted, from its meter factory only (other hubs run beside it).</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public Measurements(WebHub hub, string instrument)
        {
            var factory = hub.App.Services.GetService<IMeterFactory>();
            _listener.InstrumentPublished = (published, l) =>
            {
                if (published.Name == instrument && factory is not null && ReferenceEquals(published.Meter.Scope, factory))
                    l.EnableMeasurementEvents(published);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Take() => Interlocked.Exchange(ref _total, 0);

        public void Dispose() => _listener.Dispose();
    }
}
