using System.Globalization;

namespace Rapport.Hub.Rules;

/// <summary>
/// A field's value as a rule sees it, or a rule's literal. A small struct with no allocation of its own, because the
/// import evaluates rules against every company of a workspace (tens of thousands).
/// </summary>
/// <remarks>
/// <c>default(FieldValue)</c> is <see cref="Missing"/>. Equality is structural and exact (strings ordinal,
/// case-sensitive): it compares rules as written, not how they evaluate.
/// </remarks>
public readonly partial struct FieldValue : IEquatable<FieldValue>
{
    // One reference slot serves strings and lists, one decimal numbers and booleans, so the struct stays small.
    private readonly object? _reference;
    private readonly decimal _number;
    private readonly DateTimeOffset _date;

    private FieldValue(FieldValueKind kind, object? reference = null, decimal number = 0, DateTimeOffset date = default)
    {
        Kind = kind;
        _reference = reference;
        _number = number;
        _date = date;
    }

    public FieldValueKind Kind { get; }

    public static FieldValue Missing => default;

    public static FieldValue Null { get; } = new(FieldValueKind.Null);

    public static FieldValue True { get; } = new(FieldValueKind.Boolean, number: 1);

    public static FieldValue False { get; } = new(FieldValueKind.Boolean, number: 0);

    /// <summary>True when the field is missing or null: such a field fails every positive operator.</summary>
    public bool IsMissingOrNull => Kind is FieldValueKind.Missing or FieldValueKind.Null;

    /// <summary>A string; <c>null</c> gives <see cref="Null"/>.</summary>
    public static FieldValue String(string? value) => value is null ? Null : new(FieldValueKind.String, value);

    public static FieldValue Number(decimal value) => new(FieldValueKind.Number, number: value);

    public static FieldValue Boolean(bool value) => value ? True : False;

    public static FieldValue Date(DateTimeOffset value) => new(FieldValueKind.Date, date: value);

    /// <summary>Unix seconds, as Intercom sends its timestamps (<c>last_seen_at</c>, date custom attributes).</summary>
    public static FieldValue FromUnixSeconds(long seconds) => Date(DateTimeOffset.FromUnixTimeSeconds(seconds));

    public static FieldValue List() => new(FieldValueKind.List, Array.Empty<FieldValue>());

    public static FieldValue List(params IEnumerable<FieldValue> items) =>
        new(FieldValueKind.List, items.ToArray());

    public static FieldValue List(params IEnumerable<string> items) =>
        new(FieldValueKind.List, items.Select(String).ToArray());

    public bool TryGetString(out string value)
    {
        value = Kind == FieldValueKind.String ? (string)_reference! : "";
        return Kind == FieldValueKind.String;
    }

    public bool TryGetNumber(out decimal value)
    {
        value = Kind == FieldValueKind.Number ? _number : 0;
        return Kind == FieldValueKind.Number;
    }

    public bool TryGetBoolean(out bool value)
    {
        value = Kind == FieldValueKind.Boolean && _number != 0;
        return Kind == FieldValueKind.Boolean;
    }

    public bool TryGetDate(out DateTimeOffset value)
    {
        value = Kind == FieldValueKind.Date ? _date : default;
        return Kind == FieldValueKind.Date;
    }

    /// <summary>The items of a list; empty for every other kind.</summary>
    public IReadOnlyList<FieldValue> Items => Kind == FieldValueKind.List ? (FieldValue[])_reference! : [];

    internal string StringValue => (string)_reference!;

    internal decimal NumberValue => _number;

    internal bool BooleanValue => _number != 0;

    internal DateTimeOffset DateValue => _date;

    internal FieldValue[] ListValue => (FieldValue[])_reference!;

    /// <summary>The value as a user reads it: strings unquoted, numbers and dates invariant, lists comma-separated.</summary>
    public override string ToString() => Kind switch
    {
        FieldValueKind.Missing => "missing",
        FieldValueKind.Null => "null",
        FieldValueKind.String => StringValue,
        FieldValueKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        FieldValueKind.Boolean => BooleanValue ? "true" : "false",
        FieldValueKind.Date => FormatDate(_date),
        FieldValueKind.List => string.Join(", ", ListValue.Select(item => item.ToString())),
        _ => Kind.ToString(),
    };

    internal static string FormatDate(DateTimeOffset date) =>
        date.Offset == TimeSpan.Zero
            ? date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public bool Equals(FieldValue other) => Kind == other.Kind && Kind switch
    {
        FieldValueKind.String => string.Equals(StringValue, other.StringValue, StringComparison.Ordinal),
        FieldValueKind.Number or FieldValueKind.Boolean => _number == other._number,
        FieldValueKind.Date => _date.Equals(other._date),
        FieldValueKind.List => ListValue.AsSpan().SequenceEqual(other.ListValue),
        _ => true,
    };

    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        FieldValueKind.String => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(StringValue)),
        FieldValueKind.Number or FieldValueKind.Boolean => HashCode.Combine(Kind, _number),
        FieldValueKind.Date => HashCode.Combine(Kind, _date),
        FieldValueKind.List => HashCode.Combine(Kind, ListValue.Length),
        _ => Kind.GetHashCode(),
    };

    public static bool operator ==(FieldValue left, FieldValue right) => left.Equals(right);

    public static bool operator !=(FieldValue left, FieldValue right) => !left.Equals(right);
}
