using Rapport.Hub.Accounts;
using Rapport.Hub.Model;
using Rapport.Hub.Playbooks;
using Rapport.Application.Playbooks;

namespace Rapport.Application.Tests.Playbooks;

/// <summary>Which recomputes set a playbook off, and under which occurrence: one transition, one occurrence.</summary>
public sealed class PlaybookTransitionSpecs
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PlaybookTrigger Entered = new(PlaybookTriggers.SegmentEntered, "Big spenders");
    private static readonly PlaybookTrigger IndicatorOn = new(PlaybookTriggers.IndicatorOn, "Churn risk");
    private static readonly PlaybookTrigger Crossed = new(PlaybookTriggers.MetricCrossed, "Weekly logins", 5m, "up");

    [Fact]
    public void The_same_transition_computed_again_before_it_was_saved_is_the_same_occurrence()
    {
        var before = State(Start, segment: false, indicator: false, logins: 2m);
        // A crash after the runs were recorded but before the new state was saved: the next recompute, a minute later,
        // starts from the same state and finds the same change.
        var first = State(Start.AddHours(1), segment: true, indicator: true, logins: 7m);
        var again = State(Start.AddHours(1).AddMinutes(1), segment: true, indicator: true, logins: 7m);

        foreach (var trigger in new[] { Entered, IndicatorOn, Crossed })
        {
            var key = PlaybookTransitions.Occurrence(trigger, before, first).ShouldNotBeNull();
            PlaybookTransitions.Occurrence(trigger, before, again).ShouldBe(key);
        }
    }

    [Fact]
    public void Entering_again_after_leaving_is_a_new_occurrence_and_staying_in_is_none()
    {
        var outside = State(Start, segment: false, indicator: false, logins: 2m);
        var inside = State(Start.AddHours(1), segment: true, indicator: true, logins: 7m);
        var left = State(Start.AddHours(2), segment: false, indicator: false, logins: 2m);
        var back = State(Start.AddHours(3), segment: true, indicator: true, logins: 7m);
        var stayed = State(Start.AddHours(4), segment: true, indicator: true, logins: 8m);

        foreach (var trigger in new[] { Entered, IndicatorOn, Crossed })
        {
            var firstTime = PlaybookTransitions.Occurrence(trigger, outside, inside).ShouldNotBeNull();
            PlaybookTransitions.Occurrence(trigger, left, back).ShouldNotBeNull().ShouldNotBe(firstTime);
            PlaybookTransitions.Occurrence(trigger, back, stayed).ShouldBeNull();
        }

        PlaybookTransitions.Occurrence(Entered, null, inside).ShouldBeNull("an account new to the model enters nothing");
    }

    private static AccountState State(DateTimeOffset at, bool segment, bool indicator, decimal logins) => new(
        new AccountId(1), at, 100m, "USD", AccountType.Subscribed,
        new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase) { ["Weekly logins"] = logins },
        [new IndicatorState("Churn risk", IndicatorKind.Risk, indicator, at, null, 1)],
        segment ? ["Big spenders"] : [],
        new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase), null, null, []);
}
