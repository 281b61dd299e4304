using System.Globalization;
using System.Text.RegularExpressions;
using Rapport.Hub.Model;

namespace Rapport.Hub.Accounts;

/// <summary>
/// A model value an account list filters or sorts by: <c>mrr</c>, <c>health</c>, or a named
/// <c>element:Seats</c>, <c>metric:Weekly logins</c>, <c>health_score:Engagement</c>.
/// </summary>
/// <param name="Kind">Null for MRR and overall health, which <see cref="Name"/> then names.</param>
public sealed record ModelValue(DefinitionKind? Kind, string Name)
{
    public static readonly ModelValue Mrr = new(null, "mrr");
    public static readonly ModelValue Health = new(null, "health");

    private static readonly DefinitionKind[] Numeric = [DefinitionKind.Element, DefinitionKind.Metric, DefinitionKind.HealthScore];

    public static bool TryParse(string? text, out ModelValue? value, out string problem)
    {
        value = null;
        problem = "";
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Equals("mrr", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("health", StringComparison.OrdinalIgnoreCase))
        {
            value = trimmed.Equals("mrr", StringComparison.OrdinalIgnoreCase) ? Mrr : Health;
            return true;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !DefinitionKinds.TryParse(trimmed[..colon].Trim().ToLowerInvariant(), out var kind) || !Numeric.Contains(kind))
        {
            problem = $"'{trimmed}' is not a model value: mrr, health, element:Name, metric:Name or health_score:Name.";
            return false;
        }

        var name = trimmed[(colon + 1)..].Trim();
        if (name.Length == 0)
        {
            problem = $"'{trimmed}' names no {kind.Title().ToLowerInvariant()}.";
            return false;
        }

        value = new ModelValue(kind, name);
        return true;
    }

    /// <summary>How a list's sort and cursor name it: <c>metric:weekly logins</c> (names compare in any case).</summary>
    public string Key => Kind is { } kind ? $"{kind.ToName()}:{Name.ToLowerInvariant()}" : Name;

    /// <summary>How a cursor names a sort by this value; escaped, because a cursor's fields are separated by '|'.</summary>
    public string CursorSort => "value:" + Uri.EscapeDataString(Key);

    public override string ToString() => Kind is { } kind ? $"{kind.ToName()}:{Name}" : Name;
}

public enum ValueComparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>
/// A comparison of a model value with a number, written <c>metric:Weekly logins &gt;= 3</c> or <c>mrr &lt; 100</c>.
/// An account without the value (no state yet, a metric without a value) never matches.
/// </summary>
public sealed partial record ModelValueFilter(ModelValue Value, ValueComparison Comparison, decimal Number)
{
    public static bool TryParse(string? text, out ModelValueFilter? filter, out string problem)
    {
        filter = null;
        var match = Expression().Match(text ?? "");
        if (!match.Success)
        {
            problem = $"'{text}' is not a comparison: write a value, an operator (=, !=, <, <=, >, >=) and a number, e.g. metric:Weekly logins >= 3.";
            return false;
        }

        if (!ModelValue.TryParse(match.Groups["value"].Value, out var value, out problem))
            return false;
        if (!decimal.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            problem = $"'{match.Groups["number"].Value}' is not a number.";
            return false;
        }

        var comparison = match.Groups["op"].Value switch
        {
            "=" or "==" => ValueComparison.Equal,
            "!=" or "<>" => ValueComparison.NotEqual,
            "<" => ValueComparison.Less,
            "<=" => ValueComparison.LessOrEqual,
            ">" => ValueComparison.Greater,
            _ => ValueComparison.GreaterOrEqual,
        };
        filter = new ModelValueFilter(value!, comparison, number);
        return true;
    }

    public string Operator => Comparison switch
    {
        ValueComparison.Equal => "=",
        ValueComparison.NotEqual => "<>",
        ValueComparison.Less => "<",
        ValueComparison.LessOrEqual => "<=",
        ValueComparison.Greater => ">",
        _ => ">=",
    };

    public override string ToString() =>
        $"{Value} {(Comparison == ValueComparison.NotEqual ? "!=" : Operator)} {Number.ToString(CultureInfo.InvariantCulture)}";

    // A name holding <, >, = or ! cannot be told from the operator, so none is read into one.
    [GeneratedRegex(@"^\s*(?<value>[^<>=!]+?)\s*(?<op>>=|<=|!=|<>|==|=|<|>)\s*(?<number>[-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*$")]
    private static partial Regex Expression();
}
