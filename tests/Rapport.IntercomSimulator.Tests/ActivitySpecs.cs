using Microsoft.Extensions.Time.Testing;

namespace Rapport.IntercomSimulator.Tests;

public sealed class ActivitySpecs
{
    [Fact]
    public async Task The_activity_generator_makes_the_configured_changes_per_second_notifies_each_and_stops_on_dispose()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var time = new FakeTimeProvider(SimulatorServers.Now);
        var server = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 30, Contacts = 200, Seed = 3, RateLimitPerMinute = null, WebhookUrl = receiver.Url, Activity = 40, TimeProvider = time },
            0,
            TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromSeconds(1.5));
        await EventuallyAsync(() => server.ActivityChanges >= 60, "the generator caught up with its clock");
        var published = server.Deliveries.Count;
        var delivered = await receiver.WaitForAsync(published);
        await server.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(1.5));

        server.ActivityChanges.ShouldBe(60, "40 changes a second for 1.5 s, and none once disposed");
        published.ShouldBeGreaterThanOrEqualTo(60, "every change notifies");
        delivered.Count.ShouldBe(published);
        server.Deliveries.Count.ShouldBe(published, "nothing is published once disposed");
    }

    /// <summary>Waits (real time, at most 10 s) for what the generator's loop does once its clock moved.</summary>
    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(10))
                throw new Xunit.Sdk.XunitException($"Within 10 seconds: {what}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
