using Rapport.Hub.Playbooks;
using Rapport.Application.Messaging;
using Rapport.Application.Playbooks;
using Rapport.Hub.Accounts;
using Rapport.Hub.Events;
using Rapport.Hub.Model;
using Rapport.Hub.Team;

namespace Rapport.Web.Playbooks;

internal sealed partial class PlaybookService
{
    /// <summary>The subject and body as <paramref name="recipient"/> would read them; Body is null when it renders empty for them.</summary>
    public Task<(string? Subject, string? Body)> RenderAsync(Playbook playbook, UserDetail recipient, CancellationToken cancellationToken) =>
        PlaybookMessage.RenderAsync(teamStore, playbook, recipient, cancellationToken);

    /// <summary>
    /// Whom the playbook would message if its trigger fired for everyone it matches now, with what they would read; nothing
    /// is sent or recorded. Account triggers list the users of accounts in that state now; an event trigger, users who did the
    /// event; last seen, users away that long.
    /// </summary>
    public async Task<IReadOnlyList<DryRunRecipient>> DryRunAsync(Playbook playbook, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        var recipients = new List<DryRunRecipient>();
        foreach (var userId in await MatchingUsersAsync(playbook, limit, cancellationToken))
        {
            if (await accounts.GetUserAsync(userId, cancellationToken) is not { } user)
                continue;
            var (subject, body) = await RenderAsync(playbook, user, cancellationToken);
            recipients.Add(new DryRunRecipient(userId, user.Name, user.Email, subject, body,
                body is null ? $"The message renders empty for {user.Name ?? user.Email ?? user.ExternalId}: it would be skipped." : null));
        }

        return recipients;
    }

    private async Task<IReadOnlyList<long>> MatchingUsersAsync(Playbook playbook, int limit, CancellationToken cancellationToken)
    {
        var trigger = playbook.Trigger;
        if (trigger.Kind == PlaybookTriggers.Event)
            return [.. (await playbookStore.ListEventsAfterAsync(trigger.Name!, 0, 10_000, cancellationToken)).Select(e => e.UserId).Distinct().Take(limit)];
        if (trigger.Kind == PlaybookTriggers.LastSeen)
        {
            var before = timeProvider.GetUtcNow().AddDays(-(trigger.Days ?? 0));
            return [.. (await playbookStore.ListUsersLastSeenBeforeAsync(before, limit, cancellationToken: cancellationToken)).Select(u => u.UserId)];
        }

        var users = new List<long>();
        long after = 0;
        while (users.Count < limit && await modelStore.ListAccountIdsAsync(after, 500, cancellationToken) is { Count: > 0 } page)
        {
            after = page[^1];
            foreach (var (id, state) in await modelStore.GetAccountStatesAsync(page, cancellationToken))
            {
                // The state it would have to be in right after the trigger fired.
                if (PlaybookTransitions.Occurrence(trigger, Opposite(trigger, state), state) is null)
                    continue;
                var account = await accounts.GetAccountAsync(id, 1000, cancellationToken);
                var ids = account?.Users.Select(u => u.Id.Value) ?? [];
                users.AddRange(PlaybookActions.OnConversation(playbook.Action) ? ids.Take(1) : ids);
            }
        }

        return [.. users.Distinct().Take(limit)];
    }

    /// <summary>A state from which <paramref name="state"/> would be the trigger's transition.</summary>
    private static Hub.Model.AccountState Opposite(PlaybookTrigger trigger, Hub.Model.AccountState state) => trigger.Kind switch
    {
        PlaybookTriggers.SegmentEntered => state with { Segments = [.. state.Segments.Where(s => !string.Equals(s, trigger.Name, StringComparison.OrdinalIgnoreCase))] },
        PlaybookTriggers.SegmentLeft => state with { Segments = [.. state.Segments, trigger.Name!] },
        PlaybookTriggers.IndicatorOn => state with { Indicators = [.. state.Indicators.Where(i => !string.Equals(i.Name, trigger.Name, StringComparison.OrdinalIgnoreCase))] },
        PlaybookTriggers.MetricCrossed => state with
        {
            Metrics = state.Metrics.ToDictionary(m => m.Key, m => string.Equals(m.Key, trigger.Name, StringComparison.OrdinalIgnoreCase) ? trigger.Threshold : m.Value),
        },
        _ => state,
    };
}
