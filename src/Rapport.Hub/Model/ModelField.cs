using System.Globalization;

namespace Rapport.Hub.Model;

/// <summary>What a rule's field name refers to, once parsed; shared by validation and evaluation so both agree.</summary>
public enum ModelFieldKind
{
    /// <summary>A field of the account itself (<c>name</c>, <c>plan</c>, <c>created_at</c>).</summary>
    Account,

    /// <summary><c>traits.&lt;source&gt;.&lt;name&gt;</c>: a trait of any source.</summary>
    Trait,
    Tags,

    /// <summary><c>source_segments</c>: the segments a source (Intercom) puts the account in.</summary>
    SourceSegments,

    /// <summary><c>segments</c>: the model's segments the account is in.</summary>
    Segments,

    /// <summary><c>segments.&lt;name&gt;</c>: true when the account is in that segment.</summary>
    Segment,

    /// <summary><c>indicators</c>: the names of the active indicators.</summary>
    Indicators,

    /// <summary><c>indicators.&lt;name&gt;</c>: true while that indicator is active.</summary>
    Indicator,
    Metric,
    Element,

    /// <summary><c>health.&lt;score&gt;</c>.</summary>
    Health,

    /// <summary><c>health</c>: the overall health.</summary>
    OverallHealth,
    Mrr,

    /// <summary><c>type</c>: <c>trial</c>, <c>unqualified_trial</c>, <c>subscribed</c> or <c>churned</c>.</summary>
    Type,

    /// <summary><c>owner</c>: the owner's user id.</summary>
    Owner,

    /// <summary><c>events.&lt;name&gt;</c> (ever) or <c>events.&lt;name&gt;.&lt;N&gt;d</c> (the last N days).</summary>
    EventCount,
    LastSeen,
    DaysSinceLastSeen,

    /// <summary><c>days_since_last_event</c> (any event) or <c>days_since_last_event.&lt;name&gt;</c>.</summary>
    DaysSinceLastEvent,
}

/// <summary>A parsed field name: its kind, the definition, trait or event it names, and a window in days.</summary>
public readonly record struct ModelField(ModelFieldKind Kind, string Name, int? Days = null)
{
    public bool IsNumber => Kind is ModelFieldKind.Metric or ModelFieldKind.Element or ModelFieldKind.Health
        or ModelFieldKind.OverallHealth or ModelFieldKind.Mrr or ModelFieldKind.EventCount
        or ModelFieldKind.DaysSinceLastSeen or ModelFieldKind.DaysSinceLastEvent;

    public bool IsList => Kind is ModelFieldKind.Tags or ModelFieldKind.SourceSegments or ModelFieldKind.Segments
        or ModelFieldKind.Indicators;

    public static ModelField Parse(string field)
    {
        field = Rules.FieldNames.ToModel(field);
        var (head, rest) = field.IndexOf('.') is var dot and >= 0 ? (field[..dot], field[(dot + 1)..]) : (field, "");
        return head.ToLowerInvariant() switch
        {
            "traits" when rest.Length > 0 => new(ModelFieldKind.Trait, rest),
            "metrics" when rest.Length > 0 => new(ModelFieldKind.Metric, rest),
            "elements" when rest.Length > 0 => new(ModelFieldKind.Element, rest),
            "health" => rest.Length > 0 ? new(ModelFieldKind.Health, rest) : new(ModelFieldKind.OverallHealth, ""),
            "events" when rest.Length > 0 => EventCount(rest),
            "segments" when rest.Length > 0 => new(ModelFieldKind.Segment, rest),
            "indicators" when rest.Length > 0 => new(ModelFieldKind.Indicator, rest),
            "days_since_last_event" => new(ModelFieldKind.DaysSinceLastEvent, rest),
            _ when rest.Length > 0 => new(ModelFieldKind.Account, field),
            "tags" => new(ModelFieldKind.Tags, ""),
            "source_segments" => new(ModelFieldKind.SourceSegments, ""),
            "segments" => new(ModelFieldKind.Segments, ""),
            "indicators" => new(ModelFieldKind.Indicators, ""),
            "mrr" => new(ModelFieldKind.Mrr, ""),
            "type" => new(ModelFieldKind.Type, ""),
            "owner" => new(ModelFieldKind.Owner, ""),
            "last_seen" => new(ModelFieldKind.LastSeen, ""),
            "days_since_last_seen" => new(ModelFieldKind.DaysSinceLastSeen, ""),
            _ => new(ModelFieldKind.Account, field),
        };
    }

    // Event names may hold dots ("order.completed"), so only a last part such as "30d" is read as the window.
    private static ModelField EventCount(string rest)
    {
        var dot = rest.LastIndexOf('.');
        if (dot > 0 && rest.Length - dot > 2 && (rest[^1] is 'd' or 'D')
            && int.TryParse(rest.AsSpan(dot + 1, rest.Length - dot - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            return new(ModelFieldKind.EventCount, rest[..dot], days);
        }

        return new(ModelFieldKind.EventCount, rest);
    }

    /// <summary>Splits a trait reference <c>source.name</c>; false when either part is empty.</summary>
    public static bool TrySplitTrait(string? trait, out string source, out string name)
    {
        var dot = trait?.IndexOf('.') ?? -1;
        source = dot > 0 ? trait![..dot] : "";
        name = dot > 0 ? trait![(dot + 1)..] : "";
        return source.Length > 0 && !string.IsNullOrWhiteSpace(name);
    }
}
