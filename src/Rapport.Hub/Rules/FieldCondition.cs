namespace Rapport.Hub.Rules;

/// <summary>
/// One condition on one field: <c>plan = Pro</c>, <c>tags contains vip</c>, <c>custom_attributes.tier in [gold, silver]</c>,
/// <c>website exists</c>.
/// </summary>
/// <remarks>
/// <para>Semantics, the contract every rule in Rapport relies on:</para>
/// <list type="bullet">
/// <item><b>Missing or null field</b>: fails every positive operator (<c>= &gt; &lt; &gt;= &lt;= contains in exists</c>)
/// and so passes every negative one (<c>!= not contains not in not exists</c>).</item>
/// <item><b>Negative operators</b> are exactly the negation of their positive twin; so where a positive comparison is
/// false because the types do not fit (<c>plan = 5</c> with plan <c>Pro</c>), the negative one is true.</item>
/// <item><b>Strings</b>: <c>=</c>, <c>contains</c> and <c>in</c> ignore case (ordinal, culture-free). Two strings are
/// equal only as strings, so <c>company_id = "007"</c> does not match <c>7</c>.</item>
/// <item><b>Numbers</b> compare numerically, also when one side is a numeric string (<c>"120.0" = 120</c>, <c>"99" &lt; 100</c>).
/// Ordering two strings works when both are numbers or both are ISO dates; otherwise it is false (no alphabetical order).</item>
/// <item><b>Dates</b> (a field of kind <see cref="FieldValueKind.Date"/>) compare with a value given as an ISO 8601 string or
/// as unix seconds. A date-only value (<c>2024-05-01</c>) is that whole UTC day: <c>=</c> is any time that day, <c>&gt;</c>
/// from the next day on, <c>&lt;</c> before it, <c>&gt;=</c> from its start, <c>&lt;=</c> up to its end. A number field
/// compared with an ISO date string is read as unix seconds (Intercom's date custom attributes).</item>
/// <item><b>Booleans</b> equal booleans or the strings <c>true</c>/<c>false</c>; they have no order.</item>
/// <item><b>contains</b>: substring for a string field (the value's text, so <c>name contains 42</c> works); membership
/// (with <c>=</c> semantics) for a list field; false for other kinds.</item>
/// <item><b>in</b>: the value is a list; a scalar field matches when it equals (<c>=</c>) any item; a list field matches
/// when any of its items does (<c>tags in [vip, gold]</c>: has at least one of these tags).</item>
/// <item><b>exists</b>: the field has a value: not missing, not null, not a blank string, not an empty list.</item>
/// <item>Incompatible types make a positive comparison false; evaluation never throws.</item>
/// </list>
/// </remarks>
public sealed record FieldCondition : Condition
{
    /// <exception cref="ArgumentException">The value does not fit the operator (a list for <c>in</c>, none for <c>exists</c>, ...).</exception>
    public FieldCondition(string field, RuleOperator @operator, FieldValue value = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        if (!Enum.IsDefined(@operator))
        {
            throw new ArgumentOutOfRangeException(nameof(@operator), @operator, null);
        }

        // A date literal is kept as its ISO text, which both syntaxes can carry and which compares the same.
        value = value.Kind == FieldValueKind.List ? FieldValue.List(value.ListValue.Select(DateAsText)) : DateAsText(value);
        if (RuleOperators.ValueProblem(@operator, value) is { } problem)
        {
            throw new ArgumentException(problem, nameof(value));
        }

        Field = field;
        Operator = @operator;
        Value = value;
    }

    /// <summary>The dotted field name the <see cref="IFieldSource"/> resolves.</summary>
    public string Field { get; init; }

    public RuleOperator Operator { get; init; }

    /// <summary>The literal: <see cref="FieldValue.Missing"/> for <c>exists</c>, a list for <c>in</c>, else a scalar.</summary>
    public FieldValue Value { get; init; }

    public override bool IsMatch(IFieldSource source) => FieldComparison.Matches(source.Get(Field), Operator, Value);

    public override RuleResult Evaluate(IFieldSource source)
    {
        var actual = source.Get(Field);
        return FieldComparison.Matches(actual, Operator, Value)
            ? RuleResult.Match
            : RuleResult.Fail($"{this} (was{(actual.Kind == FieldValueKind.List ? ":" : "")} {Describe(actual)})");
    }

    private static FieldValue DateAsText(FieldValue value) =>
        value.TryGetDate(out var date) ? FieldValue.String(FieldValue.FormatDate(date)) : value;

    private const int MaxShownItems = 5;
    private const int MaxShownLength = 80;

    /// <summary>A field's value as a reason shows it: short, and <c>none</c> for an empty list.</summary>
    internal static string Describe(FieldValue value)
    {
        if (value.Kind != FieldValueKind.List)
        {
            var text = value.Kind == FieldValueKind.String && string.IsNullOrWhiteSpace(value.StringValue) ? "empty" : value.ToString();
            return text.Length <= MaxShownLength ? text : string.Concat(text.AsSpan(0, MaxShownLength), "…");
        }

        var items = value.ListValue;
        if (items.Length == 0)
        {
            return "none";
        }

        var shown = string.Join(", ", items.Take(MaxShownItems).Select(Describe));
        return items.Length <= MaxShownItems ? shown : $"{shown}, … ({items.Length} in all)";
    }
}
