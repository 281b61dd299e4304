using System.Collections;
using System.Text.Json;

namespace Rapport.Hub.Rules;

public readonly partial struct FieldValue
{
    public static implicit operator FieldValue(string? value) => String(value);

    public static implicit operator FieldValue(decimal value) => Number(value);

    public static implicit operator FieldValue(long value) => Number(value);

    public static implicit operator FieldValue(bool value) => Boolean(value);

    public static implicit operator FieldValue(DateTimeOffset value) => Date(value);

    public static implicit operator FieldValue(decimal? value) => value is { } number ? Number(number) : Null;

    public static implicit operator FieldValue(long? value) => value is { } number ? Number(number) : Null;

    public static implicit operator FieldValue(DateTimeOffset? value) => value is { } date ? Date(date) : Null;

    /// <summary>
    /// Converts a plain CLR value: strings, numbers, booleans, <see cref="DateTime"/> (taken as UTC when unspecified),
    /// <see cref="DateTimeOffset"/>, <see cref="JsonElement"/>, <see cref="FieldValue"/> and sequences of those.
    /// Anything else becomes its invariant <c>ToString()</c>.
    /// </summary>
    public static FieldValue From(object? value) => value switch
    {
        null => Null,
        FieldValue field => field,
        string text => String(text),
        bool flag => Boolean(flag),
        decimal number => Number(number),
        int number => Number(number),
        long number => Number(number),
        short number => Number(number),
        byte number => Number(number),
        uint number => Number(number),
        ulong number => Number(number),
        double number => FromDouble(number),
        float number => FromDouble(number),
        DateTimeOffset date => Date(date),
        DateTime date => Date(date.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(date, TimeSpan.Zero) : new DateTimeOffset(date)),
        DateOnly day => Date(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        JsonElement json => FromJson(json),
        IEnumerable items => List(items.Cast<object?>().Select(From)),
        IFormattable formattable => String(formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)),
        _ => String(value.ToString()),
    };

    /// <summary>
    /// Converts a JSON value, such as one of Intercom's <c>custom_attributes</c>. JSON has no date type: Intercom
    /// sends dates as unix seconds, which stay numbers here and compare with dates as unix seconds.
    /// </summary>
    public static FieldValue FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => String(json.GetString()),
        JsonValueKind.Number => json.TryGetDecimal(out var number) ? Number(number) : FromDouble(json.GetDouble()),
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        JsonValueKind.Array => List(json.EnumerateArray().Select(FromJson)),
        JsonValueKind.Null => Null,
        JsonValueKind.Undefined => Missing,
        _ => String(json.GetRawText()),
    };

    // decimal cannot hold NaN, infinities or magnitudes beyond ~7.9e28; such numbers keep their text.
    private static FieldValue FromDouble(double number) =>
        double.IsFinite(number) && Math.Abs(number) < 7.9e28
            ? Number((decimal)number)
            : String(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
}
