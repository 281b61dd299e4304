namespace Rapport.Hub.Rules;

/// <summary>The spelling of each operator, shared by the text and JSON forms, and the value each one takes.</summary>
public static class RuleOperators
{
    private static readonly (RuleOperator Operator, string Symbol)[] Spellings =
    [
        (RuleOperator.Equal, "="),
        (RuleOperator.NotEqual, "!="),
        (RuleOperator.GreaterThan, ">"),
        (RuleOperator.LessThan, "<"),
        (RuleOperator.GreaterThanOrEqual, ">="),
        (RuleOperator.LessThanOrEqual, "<="),
        (RuleOperator.Contains, "contains"),
        (RuleOperator.NotContains, "not contains"),
        (RuleOperator.In, "in"),
        (RuleOperator.NotIn, "not in"),
        (RuleOperator.Exists, "exists"),
        (RuleOperator.NotExists, "not exists"),
    ];

    /// <summary>The list error messages offer, e.g. after an unknown operator.</summary>
    public static string Expected { get; } = string.Join(", ", Spellings.Select(spelling => spelling.Symbol));

    public static string ToSymbol(this RuleOperator @operator) =>
        Array.Find(Spellings, spelling => spelling.Operator == @operator).Symbol
        ?? throw new ArgumentOutOfRangeException(nameof(@operator), @operator, null);

    /// <summary>Parses an operator's spelling; words are case-insensitive and may be separated by any whitespace.</summary>
    public static bool TryParse(string symbol, out RuleOperator @operator)
    {
        var normalized = string.Join(' ', symbol.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var (candidate, spelling) in Spellings)
        {
            if (string.Equals(spelling, normalized, StringComparison.OrdinalIgnoreCase))
            {
                @operator = candidate;
                return true;
            }
        }

        @operator = default;
        return false;
    }

    public static bool TakesNoValue(this RuleOperator @operator) => @operator is RuleOperator.Exists or RuleOperator.NotExists;

    public static bool TakesList(this RuleOperator @operator) => @operator is RuleOperator.In or RuleOperator.NotIn;

    /// <summary>Why <paramref name="value"/> does not fit <paramref name="operator"/>, or null when it does.</summary>
    internal static string? ValueProblem(RuleOperator @operator, FieldValue value)
    {
        var symbol = @operator.ToSymbol();
        if (@operator.TakesNoValue())
        {
            return value.Kind == FieldValueKind.Missing ? null : $"'{symbol}' takes no value";
        }

        if (value.Kind == FieldValueKind.Missing)
        {
            return $"'{symbol}' needs a value";
        }

        if (value.Kind == FieldValueKind.Null)
        {
            return $"a value cannot be null (to test for an empty field use 'exists' or 'not exists')";
        }

        if (@operator.TakesList())
        {
            if (value.Kind != FieldValueKind.List)
            {
                return $"'{symbol}' needs a list such as [\"a\", \"b\"]";
            }

            return value.ListValue.Any(item => item.IsMissingOrNull || item.Kind == FieldValueKind.List)
                ? $"the list of '{symbol}' may hold only strings, numbers and booleans"
                : null;
        }

        return value.Kind == FieldValueKind.List ? $"a list is allowed only after 'in' or 'not in', not after '{symbol}'" : null;
    }
}
