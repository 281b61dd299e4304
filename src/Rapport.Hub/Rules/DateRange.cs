using System.Globalization;

namespace Rapport.Hub.Rules;

/// <summary>
/// What a date value in a rule denotes: an instant, or, for a date-only value such as <c>2024-05-01</c>, the whole UTC
/// day [start, end). Comparing against a range rather than midnight keeps <c>=</c>, <c>&lt;=</c> and <c>&gt;</c> consistent:
/// <c>last_seen = 2024-05-01</c> is any time that day, and so is <c>&lt;= 2024-05-01</c>'s last moment.
/// </summary>
internal readonly record struct DateRange(DateTimeOffset Start, DateTimeOffset End)
{
    public static DateRange Instant(DateTimeOffset instant) => new(instant, instant.AddTicks(1));

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public bool Compare(DateTimeOffset instant, RuleOperator @operator) => @operator switch
    {
        RuleOperator.GreaterThan => instant >= End,
        RuleOperator.LessThan => instant < Start,
        RuleOperator.GreaterThanOrEqual => instant >= Start,
        RuleOperator.LessThanOrEqual => instant < End,
        _ => false,
    };

    /// <summary>ISO 8601 only (<c>yyyy-MM-dd</c>, optionally with a time and offset; no offset means UTC).</summary>
    public static bool TryParseIso(string text, out DateRange range)
    {
        range = default;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length < 10 || !char.IsAsciiDigit(trimmed[0]) || trimmed[4] != '-' || trimmed[7] != '-')
        {
            return false;
        }

        if (trimmed.Length == 10)
        {
            if (!DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return false;
            }

            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            range = new DateRange(start, start.AddDays(1));
            return true;
        }

        if (trimmed[10] is not ('T' or 't' or ' ')
            || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return false;
        }

        range = Instant(instant);
        return true;
    }
}
