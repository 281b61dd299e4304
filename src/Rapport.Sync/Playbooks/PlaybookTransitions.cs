using Rapport.Hub.Model;
using Rapport.Hub.Playbooks;

namespace Rapport.Sync.Playbooks;

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
        var at = next.ComputedAt.ToUnixTimeMilliseconds();
        switch (trigger.Kind)
        {
            case PlaybookTriggers.SegmentEntered when In(next, name) && !In(previous, name):
                return $"segment-entered:{name}:{at}";
            case PlaybookTriggers.SegmentLeft when !In(next, name) && In(previous, name):
                return $"segment-left:{name}:{at}";
            case PlaybookTriggers.IndicatorOn when next.Indicator(name) is { Active: true } now && previous.Indicator(name) is not { Active: true }:
                // The activation's own start: a recompute of the same activation is the same occurrence.
                return $"indicator:{name}:{now.ActivatedAt.ToUnixTimeMilliseconds()}";
            case PlaybookTriggers.MetricCrossed when trigger.Threshold is { } threshold
                && Metric(previous, name) is { } before && Metric(next, name) is { } after:
                var crossed = trigger.Direction == "down" ? before >= threshold && after < threshold : before <= threshold && after > threshold;
                return crossed ? $"metric-{trigger.Direction}:{name}:{threshold}:{at}" : null;
            default:
                return null;
        }
    }

    private static bool In(AccountState state, string segment) => state.Segments.Contains(segment, StringComparer.OrdinalIgnoreCase);

    private static decimal? Metric(AccountState state, string name) =>
        state.Metrics.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
