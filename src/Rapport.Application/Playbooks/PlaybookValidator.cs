using Rapport.Hub.Model;
using Rapport.Hub.Playbooks;
using Rapport.Application.Messaging;

namespace Rapport.Application.Playbooks;

/// <summary>
/// Checks a playbook before it is saved: a trigger naming something the model or the event catalog does not have, an empty
/// or misspelt template, or a sender without an inbox seat would otherwise fail silently at send time, for every user.
/// </summary>
public static class PlaybookValidator
{
    /// <param name="model">The account model in force; null when no valid definitions are saved.</param>
    /// <param name="eventNames">Event names Rapport has seen.</param>
    /// <param name="sender">The sending teammate's seat.</param>
    public static IReadOnlyList<(string Field, string Message)> Problems(
        Playbook playbook, AccountModel? model, IReadOnlySet<string> eventNames, SeatCheck sender)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(sender);
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(playbook.Name))
            problems.Add(("name", "A playbook needs a name."));
        TriggerProblems(playbook.Trigger, model, eventNames, problems);
        if (!PlaybookActions.All.Contains(playbook.Action))
            problems.Add(("action", $"Unknown action '{playbook.Action}': choose {string.Join(", ", PlaybookActions.All)}."));
        if (string.IsNullOrWhiteSpace(playbook.Body))
            problems.Add(("body", "The message template is empty: write something to send."));
        else if (MessageTemplate.Problem(playbook.Body) is { } body)
            problems.Add(("body", body));
        if (playbook.Action == PlaybookActions.Email && string.IsNullOrWhiteSpace(playbook.Subject))
            problems.Add(("subject", "An email needs a subject."));
        else if (MessageTemplate.Problem(playbook.Subject) is { } subject)
            problems.Add(("subject", subject));
        if (!sender.CanSend)
            problems.Add(("sender", $"The sending teammate cannot send: {sender.Reason}"));
        if (playbook.CapCount < 1 || playbook.CapDays < 1)
            problems.Add(("cap", "The frequency cap needs at least 1 send per at least 1 day."));
        if (playbook.QuietStart.HasValue != playbook.QuietEnd.HasValue)
            problems.Add(("quietHours", "Quiet hours need both a start and an end."));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(playbook.TimeZone, out _))
            problems.Add(("timeZone", $"Unknown time zone '{playbook.TimeZone}': use an IANA id such as Europe/Paris or UTC."));
        return problems;
    }

    private static void TriggerProblems(PlaybookTrigger trigger, AccountModel? model, IReadOnlySet<string> eventNames, List<(string, string)> problems)
    {
        var definitions = model?.Definitions;
        var name = trigger.Name?.Trim();
        switch (trigger.Kind)
        {
            case PlaybookTriggers.SegmentEntered or PlaybookTriggers.SegmentLeft:
                Known("segment", name, definitions?.Segments.Select(s => s.Name), problems);
                break;
            case PlaybookTriggers.IndicatorOn:
                Known("indicator", name, definitions?.Indicators.Select(i => i.Name), problems);
                break;
            case PlaybookTriggers.MetricCrossed:
                Known("metric", name, definitions?.Metrics.Select(m => m.Name), problems);
                if (trigger.Threshold is null)
                    problems.Add(("trigger.threshold", "A metric trigger needs the threshold it crosses."));
                if (trigger.Direction is not ("up" or "down"))
                    problems.Add(("trigger.direction", "A metric trigger crosses up or down."));
                break;
            case PlaybookTriggers.Event:
                Known("event", name, eventNames, problems);
                break;
            case PlaybookTriggers.LastSeen:
                if (trigger.Days is not > 0)
                    problems.Add(("trigger.days", "A last-seen trigger needs a number of days, at least 1."));
                break;
            default:
                problems.Add(("trigger.kind", $"Unknown trigger '{trigger.Kind}': choose {string.Join(", ", PlaybookTriggers.All)}."));
                break;
        }
    }

    private static void Known(string what, string? name, IEnumerable<string>? known, List<(string, string)> problems)
    {
        var names = known?.ToList() ?? [];
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(("trigger.name", $"Name the {what} that triggers the playbook."));
        }
        else if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(("trigger.name", names.Count == 0
                ? $"Unknown {what} '{name}': Rapport knows no {what} yet."
                : $"Unknown {what} '{name}': Rapport knows {string.Join(", ", names.Select(n => $"'{n}'"))}."));
        }
    }
}
