using System.Globalization;
using System.Text.Json;
using Rapport.Hub.Accounts;

namespace Rapport.Application.Push;

/// <summary>
/// One attribute value as Intercom takes it: a string, an integer (<see cref="long"/>), a boolean, a date as Unix
/// seconds (<see cref="long"/> with <see cref="DataType"/> <c>date</c>), or null (clears the attribute).
/// </summary>
public readonly record struct PushValue(string DataType, object? Value)
{
    public static PushValue Text(string value) => new("string", value);

    public static PushValue Integer(long? value) => new("integer", value);

    public static PushValue Flag(bool value) => new("boolean", value);

    public static PushValue Date(DateTimeOffset? value) => new("date", value?.ToUnixTimeSeconds());

    /// <summary>Whole units, half away from zero: Intercom's integer attributes take no fractions (7.5 → 8, −2.5 → −3).</summary>
    public static long? Round(decimal? value) =>
        value is { } v ? (long)Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), long.MinValue, long.MaxValue) : null;

    public bool SameAs(object? other) => Equals(Value, other);

    public override string ToString() => Show(Value);

    /// <summary>How a value reads in a dry run: strings quoted, null as <c>(none)</c>.</summary>
    public static string Show(object? value) => value switch
    {
        null => "(none)",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A value read back from a stored snapshot.</summary>
    public static object? Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when element.TryGetInt64(out var number) => number,
        JsonValueKind.Number => element.GetDouble(),
        _ => null,
    };

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case long number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            default: throw new ArgumentException($"Unsupported push value {value.GetType().Name}.", nameof(value));
        }
    }
}
