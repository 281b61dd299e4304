namespace Rapport.Sync.Tests.Push;

/// <summary>Two fields the push would write onto one Intercom attribute: one value is written, the other reported.</summary>
public sealed class PushNameClashSpecs
{
    [Fact]
    public async Task Names_equal_but_for_case_are_one_attribute_and_the_second_is_left_out_and_reported()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        await hub.StateAsync("acme", s => PushHarness.WithMetric(s, "SLACK_INTEGRATION", 9m));

        var report = await hub.PushAsync();

        hub.Company("acme").CustomAttributes["Rapport Slack Integration"].ShouldBe(1L);
        hub.Company("acme").CustomAttributes.ShouldNotContainKey("Rapport SLACK INTEGRATION");
        report.Problems.ShouldContain("Metric 'SLACK_INTEGRATION' is not pushed: its attribute name 'Rapport SLACK INTEGRATION' is already used by another field.");
        hub.NothingCreated();
    }
}
