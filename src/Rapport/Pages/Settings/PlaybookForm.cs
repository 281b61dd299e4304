using System.Globalization;
using Rapport.Hub.Playbooks;
using Rapport.Web.Playbooks;

namespace Rapport.Pages.Settings;

/// <summary>The playbook form's fields, flat as HTML posts them.</summary>
internal sealed class PlaybookForm
{
    public string? Name { get; set; }
    public string TriggerKind { get; set; } = PlaybookTriggers.Event;
    public string? TriggerName { get; set; }
    public decimal? Threshold { get; set; }
    public string? Direction { get; set; }
    public int? Days { get; set; }
    public string Action { get; set; } = PlaybookActions.InApp;
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public long SenderTeammateId { get; set; }
    public bool Enabled { get; set; }
    public bool DryRun { get; set; }
    public int CapCount { get; set; } = 1;
    public int CapDays { get; set; } = 7;
    public string? QuietStart { get; set; }
    public string? QuietEnd { get; set; }
    public string? TimeZone { get; set; } = "UTC";

    public PlaybookInput ToInput() => new(
        Name, new PlaybookTrigger(TriggerKind, TriggerName, Threshold, Direction, Days), Action, Subject, Body, SenderTeammateId, Enabled, DryRun,
        CapCount, CapDays, QuietStart, QuietEnd, TimeZone);

    public static PlaybookForm From(Playbook p) => new()
    {
        Name = p.Name,
        TriggerKind = p.Trigger.Kind,
        TriggerName = p.Trigger.Name,
        Threshold = p.Trigger.Threshold,
        Direction = p.Trigger.Direction,
        Days = p.Trigger.Days,
        Action = p.Action,
        Subject = p.Subject,
        Body = p.Body,
        SenderTeammateId = p.SenderTeammateId,
        Enabled = p.Enabled,
        DryRun = p.DryRun,
        CapCount = p.CapCount,
        CapDays = p.CapDays,
        QuietStart = p.QuietStart?.ToString("HH:mm", CultureInfo.InvariantCulture),
        QuietEnd = p.QuietEnd?.ToString("HH:mm", CultureInfo.InvariantCulture),
        TimeZone = p.TimeZone,
    };
}
