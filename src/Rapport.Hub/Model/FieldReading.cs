using System.Globalization;
using Rapport.Hub.Rules;

namespace Rapport.Hub.Model;

/// <summary>How the model reads numbers and dates out of traits, which sources send as numbers, text or unix seconds.</summary>
internal static class FieldReading
{
    /// <summary>A number, or a string that is one (<c>"49.90"</c>); false for anything else, missing included.</summary>
    public static bool TryNumber(FieldValue value, out decimal number)
    {
        if (value.TryGetNumber(out number))
        {
            return true;
        }

        return value.TryGetString(out var text)
            && decimal.TryParse(text.Trim(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>
    /// A date as the span it denotes: an instant, unix seconds, or an ISO text where a date-only value is that whole UTC
    /// day (a trial "ending 2025-03-10" lasts until that day's end).
    /// </summary>
    public static bool TryDate(FieldValue value, out DateRange range)
    {
        range = default;
        if (value.TryGetDate(out var date))
        {
            range = DateRange.Instant(date);
            return true;
        }

        if (value.TryGetNumber(out var seconds) && seconds is > -62135596800m and < 253402300800m)
        {
            range = DateRange.Instant(DateTimeOffset.FromUnixTimeSeconds((long)seconds));
            return true;
        }

        return value.TryGetString(out var text) && DateRange.TryParseIso(text, out range);
    }

    /// <summary>The value quoted for a message: <c>"n/a"</c>, <c>true</c>, <c>[a, b]</c>.</summary>
    public static string Show(FieldValue value) => value.Kind switch
    {
        FieldValueKind.String => $"\"{value}\"",
        FieldValueKind.List => $"[{value}]",
        _ => value.ToString(),
    };

    public static FieldValue Number(decimal? value) => value is { } number ? FieldValue.Number(number) : FieldValue.Null;

    public static decimal Round(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
