namespace Rapport.IntercomSimulator.Tests;

public sealed class ActivitySpecs
{
    [Fact]
    public async Task The_activity_generator_notifies_at_about_the_configured_rate_and_stops_on_dispose()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var server = await IntercomSimulatorServer.StartAsync(
            new SimulatorOptions { Companies = 30, Contacts = 200, Seed = 3, RateLimitPerMinute = null, WebhookUrl = receiver.Url, Activity = 40 },
            0,
            TestContext.Current.CancellationToken);

        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        await server.DisposeAsync();
        var changes = server.ActivityChanges;
        var atStop = (await receiver.SettleAsync(100)).Count;
        var later = (await receiver.SettleAsync(400)).Count;

        changes.ShouldBeInRange(30, 75);
        atStop.ShouldBeGreaterThanOrEqualTo(30);
        later.ShouldBe(atStop);
        server.ActivityChanges.ShouldBe(changes);
    }
}
