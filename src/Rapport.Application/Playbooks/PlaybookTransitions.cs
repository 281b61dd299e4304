using Rapport.Hub.Model;
using Rapport.Hub.Playbooks;

namespace Rapport.Application.Playbooks;

/// <summary>
/// Which account-level triggers a recompute set off: the previous state against the new one. An account without a previous
/// state is new to the model, not a change, so it sets nothing off (a first computation would otherwise "enter" every
/// account into every segment at once).
/// </summary>
public static class PlaybookTransitions
{
    /// <summary>The occurrence key of the transition <paramref name="trigger"/> matches, or null when it does not.</summary>
    public static string? Occurrence(PlaybookTrigger trigger, AccountState? previous, AccountState next)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(next);
        if (previous is null || trigger.Name is not { } name)
            return null;
        // Named by the state the account leaves, not the new one: a recompute that runs again before the new state is saved
        // (a crash in between, or two at once) starts from the same state, so it is the same occurrence and sends nothing twice.
        var from = previous.ComputedAt.ToUnixTimeMilliseconds();
        switch (trigger.Kind)
        {
            case PlaybookTriggers.SegmentEntered when In(next, name) && !In(previous, name):
                return $"segment-entered:{name}:{from}";
            case PlaybookTriggers.SegmentLeft when !In(next, name) && In(previous, name):
                return $"segment-left:{name}:{from}";
            case PlaybookTriggers.IndicatorOn when next.Indicator(name) is { Active: true } && previous.Indicator(name) is not { Active: true }:
                return $"indicator:{name}:{from}";
            case PlaybookTriggers.MetricCrossed when trigger.Threshold is { } threshold
                && Metric(previous, name) is { } before && Metric(next, name) is { } after:
                var crossed = trigger.Direction == "down" ? before >= threshold && after < threshold : before <= threshold && after > threshold;
                return crossed ? $"metric-{trigger.Direction}:{name}:{threshold}:{from}" : null;
            default:
                return null;
        }
    }

    private static bool In(AccountState state, string segment) => state.Segments.Contains(segment, StringComparer.OrdinalIgnoreCase);

    private static decimal? Metric(AccountState state, string name) =>
        state.Metrics.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
