using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Hub.Playbooks;

/// <summary>
/// "When <see cref="Trigger"/> then <see cref="Action"/>": an automated, personalised message sent as
/// <see cref="SenderTeammateId"/>'s Intercom admin, at most <see cref="CapCount"/> times per user in <see cref="CapDays"/> days,
/// never inside quiet hours (deferred to their end, in the user's time zone or else <see cref="TimeZone"/>).
/// </summary>
/// <param name="Action"><see cref="PlaybookActions"/>.</param>
/// <param name="Subject">For an email: its subject template.</param>
/// <param name="Body">A Liquid template, checked like a teammate's message (<c>MessageTemplate</c>).</param>
/// <param name="DryRun">Matches are recorded in the audit with their preview, nothing is sent.</param>
/// <param name="QuietStart">Local time quiet hours start (may be after <see cref="QuietEnd"/>: they span midnight).</param>
/// <param name="TimeZone">The workspace default: an IANA zone id used when the user's own zone is unknown.</param>
public sealed record Playbook(
    long Id,
    string Name,
    PlaybookTrigger Trigger,
    string Action,
    string? Subject,
    string Body,
    long SenderTeammateId,
    bool Enabled,
    bool DryRun,
    int CapCount,
    int CapDays,
    TimeOnly? QuietStart,
    TimeOnly? QuietEnd,
    string TimeZone)
{
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>For event triggers: the last stored event id looked at, so events before the playbook existed never fire it.</summary>
    public long EventCursor { get; init; }
}

/// <param name="Kind"><see cref="PlaybookTriggers"/>.</param>
/// <param name="Name">The segment, indicator, metric or event name.</param>
/// <param name="Threshold">For a metric: the value it crosses.</param>
/// <param name="Direction">For a metric: up or down.</param>
/// <param name="Days">For last seen: at least this many days since the user was last seen.</param>
public sealed record PlaybookTrigger(string Kind, string? Name = null, decimal? Threshold = null, string? Direction = null, int? Days = null);

public static class PlaybookTriggers
{
    public const string SegmentEntered = "segment_entered";
    public const string SegmentLeft = "segment_left";
    public const string IndicatorOn = "indicator_on";
    public const string MetricCrossed = "metric_crossed";
    public const string Event = "event";
    public const string LastSeen = "last_seen";

    public static readonly IReadOnlyList<string> All = [SegmentEntered, SegmentLeft, IndicatorOn, MetricCrossed, Event, LastSeen];
}

public static class PlaybookActions
{
    public const string InApp = "in_app";
    public const string Email = "email";
    public const string Reply = "reply";
    public const string Note = "note";

    public static readonly IReadOnlyList<string> All = [InApp, Email, Reply, Note];

    /// <summary>Replies and notes go on the account's latest open conversation: once per account, not per user.</summary>
    public static bool OnConversation(string action) => action is Reply or Note;
}

/// <summary>One match of a playbook: what the audit shows, and what the runner sends.</summary>
/// <param name="OccurrenceKey">The trigger occurrence (e.g. <c>event:42</c>): a playbook fires once per occurrence and user.</param>
/// <param name="Status"><see cref="PlaybookRunStatuses"/>.</param>
/// <param name="Reason">Why it was skipped or deferred, or the dry run's rendered preview.</param>
/// <param name="IntercomId">Once sent: the Intercom message or part id, from the outbound queue.</param>
public sealed record PlaybookRun(
    long Id,
    long PlaybookId,
    string OccurrenceKey,
    long UserId,
    long? AccountId,
    string Status,
    string? Reason,
    long? SendId,
    string? IntercomId,
    DateTimeOffset? NotBefore,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record PlaybookRunRequest(long PlaybookId, string OccurrenceKey, long UserId, long? AccountId);

public static class PlaybookRunStatuses
{
    public const string Pending = "pending";
    public const string Deferred = "deferred";
    public const string Queued = "queued";
    public const string Skipped = "skipped";
    public const string DryRun = "dry_run";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Playbook))]
public sealed partial class PlaybookJsonContext : JsonSerializerContext;
