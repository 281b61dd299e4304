using System.Globalization;
using System.Text;

namespace Rapport.Hub.Rules;

/// <summary>
/// Writes the canonical text form: words bare where the parser reads them back unchanged, quoted otherwise; nested
/// groups always in parentheses, so the structure survives the trip back through the parser.
/// </summary>
internal static class RuleTextWriter
{
    private static readonly string[] Keywords = ["and", "or", "not", "true", "false", "null", "contains", "in", "exists"];

    public static string Write(Condition condition)
    {
        var text = new StringBuilder();
        Write(condition, text, nested: false);
        return text.ToString();
    }

    private static void Write(Condition condition, StringBuilder text, bool nested)
    {
        switch (condition)
        {
            case FieldCondition field:
                WriteField(field, text);
                break;
            case NotCondition not:
                text.Append("not (");
                Write(not.Condition, text, nested: false);
                text.Append(')');
                break;
            case GroupCondition { Conditions.Count: 0 } group:
                text.Append(group.Mode == GroupMode.All ? "true" : "false");
                break;
            case GroupCondition { Conditions.Count: 1 } group:
                Write(group.Conditions[0], text, nested);
                break;
            case GroupCondition group:
                text.Append(nested ? "(" : "");
                for (var i = 0; i < group.Conditions.Count; i++)
                {
                    text.Append(i == 0 ? "" : group.Mode == GroupMode.All ? " and " : " or ");
                    Write(group.Conditions[i], text, nested: true);
                }

                text.Append(nested ? ")" : "");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition.GetType(), null);
        }
    }

    private static void WriteField(FieldCondition condition, StringBuilder text)
    {
        WriteWord(condition.Field, text, asValue: false);
        text.Append(' ').Append(condition.Operator.ToSymbol());
        if (condition.Value.Kind == FieldValueKind.Missing)
        {
            return;
        }

        text.Append(' ');
        if (condition.Value.Kind != FieldValueKind.List)
        {
            WriteValue(condition.Value, text);
            return;
        }

        text.Append('[');
        var items = condition.Value.Items;
        for (var i = 0; i < items.Count; i++)
        {
            text.Append(i == 0 ? "" : ", ");
            WriteValue(items[i], text);
        }

        text.Append(']');
    }

    private static void WriteValue(FieldValue value, StringBuilder text)
    {
        switch (value.Kind)
        {
            case FieldValueKind.String:
                WriteWord(value.StringValue, text, asValue: true);
                break;
            case FieldValueKind.Number:
                text.Append(value.NumberValue.ToString(CultureInfo.InvariantCulture));
                break;
            case FieldValueKind.Boolean:
                text.Append(value.BooleanValue ? "true" : "false");
                break;
            default:
                WriteQuoted(value.ToString(), text);
                break;
        }
    }

    private static void WriteWord(string word, StringBuilder text, bool asValue)
    {
        var bare = word.Length > 0
            && !word.Any(c => RuleLexer.EndsWord(c) || char.IsControl(c))
            && !Keywords.Contains(word, StringComparer.OrdinalIgnoreCase)
            && !(asValue && RuleTextParser.TryParseNumber(word, out _));
        if (bare)
        {
            text.Append(word);
        }
        else
        {
            WriteQuoted(word, text);
        }
    }

    private static void WriteQuoted(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        text.Append('"');
    }
}
