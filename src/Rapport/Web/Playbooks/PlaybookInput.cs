using System.Globalization;
using Rapport.Hub.Playbooks;

namespace Rapport.Web.Playbooks;

/// <summary>A playbook as a form or the API sends it.</summary>
/// <param name="Trigger">kind: segment_entered, segment_left, indicator_on, metric_crossed (threshold, direction up|down), event, last_seen (days).</param>
/// <param name="Action">in_app, email (subject required), reply or note (on the account's latest open conversation).</param>
/// <param name="SenderTeammateId">The teammate it is sent as; their Intercom admin must hold an inbox seat.</param>
/// <param name="CapCount">At most this many sends per user…</param>
/// <param name="CapDays">…in this many days.</param>
/// <param name="QuietStart">Local time, HH:mm; with <paramref name="QuietEnd"/>, sends in between wait until the end.</param>
/// <param name="TimeZone">The workspace default zone (IANA id) for users whose own zone Rapport does not know; UTC when empty.</param>
internal sealed record PlaybookInput(
    string? Name, PlaybookTrigger? Trigger, string? Action, string? Subject, string? Body, long SenderTeammateId,
    bool Enabled = false, bool DryRun = false, int CapCount = 1, int CapDays = 7, string? QuietStart = null, string? QuietEnd = null,
    string? TimeZone = null)
{
    /// <summary>The playbook, or the problems of the fields that could not be read.</summary>
    public (Playbook? Playbook, IReadOnlyList<(string Field, string Message)> Problems) ToPlaybook(long id)
    {
        var problems = new List<(string, string)>();
        var start = Time(QuietStart, "quietStart", problems);
        var end = Time(QuietEnd, "quietEnd", problems);
        if (Trigger is null)
            problems.Add(("trigger", "A playbook needs a trigger."));
        if (problems.Count > 0)
            return (null, problems);
        return (new Playbook(
            id, Name?.Trim() ?? "", Trigger! with { Name = Trigger!.Name?.Trim() }, Action?.Trim() ?? "", string.IsNullOrWhiteSpace(Subject) ? null : Subject,
            Body ?? "", SenderTeammateId, Enabled, DryRun, CapCount, CapDays, start, end,
            string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone.Trim()), problems);
    }

    private static TimeOnly? Time(string? text, string field, List<(string, string)> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        problems.Add((field, $"'{text}' is not a time of day: write it as HH:mm, e.g. 22:00."));
        return null;
    }
}

/// <summary>A playbook as the API shows it.</summary>
internal sealed record PlaybookDto(
    long Id, string Name, PlaybookTrigger Trigger, string Action, string? Subject, string Body, long SenderTeammateId, bool Enabled,
    bool DryRun, int CapCount, int CapDays, string? QuietStart, string? QuietEnd, string TimeZone, DateTimeOffset UpdatedAt)
{
    public static PlaybookDto From(Playbook p) => new(
        p.Id, p.Name, p.Trigger, p.Action, p.Subject, p.Body, p.SenderTeammateId, p.Enabled, p.DryRun, p.CapCount, p.CapDays,
        p.QuietStart?.ToString("HH:mm", CultureInfo.InvariantCulture), p.QuietEnd?.ToString("HH:mm", CultureInfo.InvariantCulture), p.TimeZone, p.UpdatedAt);
}

/// <summary>One audit row: a send (queued, with its Intercom id once sent), a skip or deferral with its reason, or a dry run's preview.</summary>
internal sealed record PlaybookRunDto(
    long Id, string Occurrence, long UserId, long? AccountId, string Status, string? Reason, long? SendId, string? IntercomId,
    DateTimeOffset? NotBefore, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PlaybookRunDto From(PlaybookRun r) =>
        new(r.Id, r.OccurrenceKey, r.UserId, r.AccountId, r.Status, r.Reason, r.SendId, r.IntercomId, r.NotBefore, r.CreatedAt, r.UpdatedAt);
}

/// <summary>Whom a playbook would message now, and what they would read; <paramref name="Skipped"/> says why not, when not.</summary>
internal sealed record DryRunRecipient(long UserId, string? Name, string? Email, string? Subject, string? Body, string? Skipped);
