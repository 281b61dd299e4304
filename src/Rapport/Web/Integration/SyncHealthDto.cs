using Rapport.Application.Import;
using Rapport.Application.Reconcile;

namespace Rapport.Web.Integration;

/// <summary>The sync status card as the REST API gives it; durations in seconds.</summary>
public sealed record SyncHealthDto(
    DateTimeOffset CheckedAt,
    bool Connected,
    WebhookHealthDto Webhooks,
    SweepDto? LastSweep,
    SweepTotalsDto SweepTotals,
    DateTimeOffset? NextSweepAt,
    double SweepIntervalSeconds,
    SyncStatus Job)
{
    internal static SyncHealthDto From(SyncHealth h) => new(
        h.CheckedAt,
        h.Connected,
        new WebhookHealthDto(
            h.Inbox.Received, h.Inbox.Applied, h.Lag.AppliedSince, h.Inbox.Waiting, h.Inbox.Failed,
            h.Inbox.LastReceivedAt, h.Inbox.LastAppliedAt, h.OldestPendingAge.TotalSeconds, h.Lag.LastApplyDelay?.TotalSeconds),
        h.LastSweep is { } s ? SweepDto.From(s) : null,
        new SweepTotalsDto(h.Totals.Sweeps, h.Totals.Companies, h.Totals.Users, h.Totals.Conversations, h.Totals.Total, h.Totals.Since),
        h.NextSweepAt,
        h.SweepInterval.TotalSeconds,
        h.Job);
}

/// <param name="AppliedLastHour">Notifications applied in the last hour.</param>
/// <param name="Pending">Waiting to be applied (not failed).</param>
/// <param name="Failed">Applying them failed; they are retried a few times, then kept with their error.</param>
/// <param name="OldestPendingAgeSeconds">The lag: how long the oldest waiting notification has waited (0 when none waits).</param>
/// <param name="LastApplyDelaySeconds">From arrival to applied, for the last notification applied.</param>
public sealed record WebhookHealthDto(
    long Received, long Applied, long AppliedLastHour, long Pending, long Failed, DateTimeOffset? LastReceivedAt, DateTimeOffset? LastAppliedAt,
    double OldestPendingAgeSeconds, double? LastApplyDelaySeconds);

/// <param name="MissedByWebhooks">Per kind, what the sweep found newer in Intercom (or absent from the hub) and applied; null where it did not compare.</param>
public sealed record SweepDto(
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Trigger, SweepCounts MissedByWebhooks, int MissedTotal, SweepCounts Read,
    IReadOnlyList<string> Notes, long ApiCalls, string? Error)
{
    internal static SweepDto From(SweepResult s) =>
        new(s.StartedAt, s.FinishedAt, s.Trigger, s.Missed, s.Missed.Total, s.Read, s.Notes, s.ApiCalls, s.Error);
}

public sealed record SweepTotalsDto(int Sweeps, long Companies, long Users, long Conversations, long Total, DateTimeOffset? Since);
