using System.Globalization;

namespace Rapport.Hub.Rules;

/// <summary>The semantics documented on <see cref="FieldCondition"/>; never throws.</summary>
internal static class FieldComparison
{
    public static bool Matches(FieldValue actual, RuleOperator @operator, FieldValue expected) => @operator switch
    {
        RuleOperator.Equal => !actual.IsMissingOrNull && AreEqual(actual, expected),
        RuleOperator.NotEqual => actual.IsMissingOrNull || !AreEqual(actual, expected),
        RuleOperator.GreaterThan or RuleOperator.LessThan or RuleOperator.GreaterThanOrEqual or RuleOperator.LessThanOrEqual =>
            !actual.IsMissingOrNull && IsOrdered(actual, @operator, expected),
        RuleOperator.Contains => !actual.IsMissingOrNull && Contains(actual, expected),
        RuleOperator.NotContains => actual.IsMissingOrNull || !Contains(actual, expected),
        RuleOperator.In => !actual.IsMissingOrNull && IsIn(actual, expected),
        RuleOperator.NotIn => actual.IsMissingOrNull || !IsIn(actual, expected),
        RuleOperator.Exists => HasValue(actual),
        RuleOperator.NotExists => !HasValue(actual),
        _ => false,
    };

    private static bool HasValue(FieldValue actual) => actual.Kind switch
    {
        FieldValueKind.Missing or FieldValueKind.Null => false,
        FieldValueKind.String => !string.IsNullOrWhiteSpace(actual.StringValue),
        FieldValueKind.List => actual.ListValue.Length > 0,
        _ => true,
    };

    private static bool AreEqual(FieldValue actual, FieldValue expected)
    {
        switch (actual.Kind, expected.Kind)
        {
            case (FieldValueKind.String, FieldValueKind.String):
                return string.Equals(actual.StringValue, expected.StringValue, StringComparison.OrdinalIgnoreCase)
                    || (actual.StringValue.Length > 0 && TryDateRange(expected, out var day) && TryDate(actual, out var date) && day.Contains(date));
            case (FieldValueKind.Boolean, _) or (_, FieldValueKind.Boolean):
                return TryBoolean(actual, out var left) && TryBoolean(expected, out var right) && left == right;
            case (FieldValueKind.Date, _) or (_, FieldValueKind.Date):
            case (FieldValueKind.Number, FieldValueKind.String) when IsDateAgainstIsoText(actual, expected):
                return TryDate(actual, out var instant) && TryDateRange(expected, out var range) && range.Contains(instant);
            case (FieldValueKind.Number, _) or (_, FieldValueKind.Number):
                return TryNumber(actual, out var a) && TryNumber(expected, out var b) && a == b;
            default:
                return false;
        }
    }

    private static bool IsOrdered(FieldValue actual, RuleOperator @operator, FieldValue expected)
    {
        if (actual.Kind == FieldValueKind.Date || IsDateAgainstIsoText(actual, expected) || AreBothIsoDates(actual, expected))
        {
            return TryDate(actual, out var instant) && TryDateRange(expected, out var range) && range.Compare(instant, @operator);
        }

        var bothStrings = actual.Kind == FieldValueKind.String && expected.Kind == FieldValueKind.String;
        var hasNumber = actual.Kind == FieldValueKind.Number || expected.Kind == FieldValueKind.Number;
        if ((hasNumber || bothStrings) && TryNumber(actual, out var left) && TryNumber(expected, out var right))
        {
            return @operator switch
            {
                RuleOperator.GreaterThan => left > right,
                RuleOperator.LessThan => left < right,
                RuleOperator.GreaterThanOrEqual => left >= right,
                _ => left <= right,
            };
        }

        return false;
    }

    // Intercom keeps date custom attributes as unix seconds, so a number against "2024-05-01" is a date comparison.
    private static bool IsDateAgainstIsoText(FieldValue actual, FieldValue expected) =>
        actual.Kind == FieldValueKind.Number && expected.Kind == FieldValueKind.String && IsIsoDate(expected.StringValue);

    private static bool AreBothIsoDates(FieldValue actual, FieldValue expected) =>
        actual.Kind == FieldValueKind.String && expected.Kind == FieldValueKind.String
        && IsIsoDate(actual.StringValue) && IsIsoDate(expected.StringValue);

    private static bool Contains(FieldValue actual, FieldValue expected)
    {
        if (actual.Kind == FieldValueKind.List)
        {
            foreach (var item in actual.ListValue)
            {
                if (!item.IsMissingOrNull && AreEqual(item, expected))
                {
                    return true;
                }
            }

            return false;
        }

        return actual.Kind == FieldValueKind.String
            && !expected.IsMissingOrNull
            && actual.StringValue.Contains(expected.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsIn(FieldValue actual, FieldValue expected)
    {
        if (expected.Kind != FieldValueKind.List)
        {
            return false;
        }

        if (actual.Kind == FieldValueKind.List)
        {
            foreach (var item in actual.ListValue)
            {
                if (!item.IsMissingOrNull && IsIn(item, expected))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var candidate in expected.ListValue)
        {
            if (AreEqual(actual, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryNumber(FieldValue value, out decimal number)
    {
        number = value.NumberValue;
        return value.Kind == FieldValueKind.Number
            || (value.Kind == FieldValueKind.String
                && decimal.TryParse(value.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out number));
    }

    private static bool TryBoolean(FieldValue value, out bool flag)
    {
        flag = value.BooleanValue;
        return value.Kind == FieldValueKind.Boolean
            || (value.Kind == FieldValueKind.String && bool.TryParse(value.StringValue.Trim(), out flag));
    }

    /// <summary>An instant: a date, unix seconds, or an ISO string (whose day starts at midnight UTC).</summary>
    private static bool TryDate(FieldValue value, out DateTimeOffset instant)
    {
        if (TryDateRange(value, out var range))
        {
            instant = range.Start;
            return true;
        }

        instant = default;
        return false;
    }

    private static bool TryDateRange(FieldValue value, out DateRange range)
    {
        switch (value.Kind)
        {
            case FieldValueKind.Date:
                range = DateRange.Instant(value.DateValue);
                return true;
            case FieldValueKind.Number when value.NumberValue is >= -62135596800m and <= 253402300798m:
                range = DateRange.Instant(DateTimeOffset.FromUnixTimeSeconds(0).AddTicks((long)(value.NumberValue * TimeSpan.TicksPerSecond)));
                return true;
            case FieldValueKind.String:
                return DateRange.TryParseIso(value.StringValue, out range);
            default:
                range = default;
                return false;
        }
    }

    private static bool IsIsoDate(string text) => DateRange.TryParseIso(text, out _);
}
