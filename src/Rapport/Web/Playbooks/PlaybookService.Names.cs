using Rapport.Hub.Events;
using Rapport.Hub.Accounts;
using Rapport.Hub.Model;
using Rapport.Hub.Playbooks;
using Rapport.Hub.Team;

namespace Rapport.Web.Playbooks;

/// <summary>The names a trigger may use, by kind: what the form suggests is what saving accepts.</summary>
internal sealed record PlaybookTriggerNames(
    IReadOnlyList<string> Segments, IReadOnlyList<string> Indicators, IReadOnlyList<string> Metrics, IReadOnlyList<string> Events);

internal sealed partial class PlaybookService
{
    public async Task<PlaybookTriggerNames> TriggerNamesAsync(CancellationToken cancellationToken)
    {
        var (_, loaded) = await model.LoadAsync(cancellationToken);
        var definitions = loaded?.Model?.Definitions;
        return new(
            [.. definitions?.Segments.Select(s => s.Name) ?? []],
            [.. definitions?.Indicators.Select(i => i.Name) ?? []],
            [.. definitions?.Metrics.Select(m => m.Name) ?? []],
            [.. (await TrackedEventNamesAsync(cancellationToken)).Order(StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>Events the Events page tracks, from every source: an ignored event never reaches the store, so it cannot trigger anything.</summary>
    private async Task<IReadOnlySet<string>> TrackedEventNamesAsync(CancellationToken cancellationToken) =>
        (await eventStore.ListEventNamesAsync(cancellationToken))
            .Where(e => e.Status == EventStatus.Tracked).Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
