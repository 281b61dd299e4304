using System.Globalization;

namespace Rapport.Hub.Rules;

/// <summary>
/// Reads the text form. Grammar, keywords case-insensitive:
/// <code>
/// rule      = or
/// or        = and { "or" and }
/// and       = unary { "and" unary }
/// unary     = "not" unary | "(" or ")" | "true" | "false" | condition
/// condition = field operator [ value | list ]
/// field     = bare-word | quoted-string
/// value     = quoted-string | number | "true" | "false" | bare-word
/// list      = "[" [ value { "," value } ] "]"
/// </code>
/// <c>and</c> binds tighter than <c>or</c>; <c>true</c> is the empty <c>all</c> group, <c>false</c> the empty <c>any</c>.
/// A bare word that reads as a number is a number (quote it to keep a string); ISO dates may be bare or quoted.
/// </summary>
internal sealed class RuleTextParser
{
    private readonly List<RuleToken> _tokens;
    private int _position;

    private RuleTextParser(List<RuleToken> tokens) => _tokens = tokens;

    private RuleToken Current => _tokens[_position];

    public static Condition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new RuleTextParser(RuleLexer.Tokenize(text));
        if (parser.Current.Kind == RuleTokenKind.End)
        {
            throw RuleSyntaxException.AtColumn("empty rule", 1, "write 'true' to match everything");
        }

        var rule = parser.ParseOr();
        if (parser.Current.Kind != RuleTokenKind.End)
        {
            throw parser.Unexpected("expected 'and', 'or' or the end (quote values that hold spaces)");
        }

        return rule;
    }

    private RuleToken Next() => _tokens[_position++];

    private Condition ParseOr() => ParseChain("or", GroupMode.Any, ParseAnd);

    private Condition ParseAnd() => ParseChain("and", GroupMode.All, ParseUnary);

    private Condition ParseChain(string keyword, GroupMode mode, Func<Condition> parseOperand)
    {
        var operands = new List<Condition> { parseOperand() };
        while (Current.IsWord(keyword))
        {
            _position++;
            operands.Add(parseOperand());
        }

        return operands.Count == 1 ? operands[0] : new GroupCondition(mode, operands);
    }

    private Condition ParseUnary()
    {
        var token = Current;
        if (token.Kind == RuleTokenKind.OpenParen)
        {
            _position++;
            var inner = ParseOr();
            if (Current.Kind != RuleTokenKind.CloseParen)
            {
                throw Unexpected($"expected ')' to close the '(' of column {token.Column}");
            }

            _position++;
            return inner;
        }

        if (token.IsWord("not"))
        {
            _position++;
            return new NotCondition(ParseUnary());
        }

        if (token.IsWord("true") || token.IsWord("false"))
        {
            _position++;
            return new GroupCondition(token.IsWord("true") ? GroupMode.All : GroupMode.Any, []);
        }

        if (token.Kind is RuleTokenKind.Word or RuleTokenKind.Quoted)
        {
            return ParseCondition();
        }

        throw Unexpected("expected a field name, '(' or 'not'");
    }

    private FieldCondition ParseCondition()
    {
        var field = Next();
        if (string.IsNullOrWhiteSpace(field.Text))
        {
            throw RuleSyntaxException.AtColumn("empty field name", field.Column);
        }

        var (@operator, operatorToken) = ParseOperator(field);
        var value = ParseValue(@operator, operatorToken);
        return new FieldCondition(field.Text, @operator, value);
    }

    private (RuleOperator Operator, RuleToken Token) ParseOperator(RuleToken field)
    {
        var token = Next();
        var spelling = token.Text;
        if (token.IsWord("not") && Current.Kind == RuleTokenKind.Word)
        {
            spelling = $"not {Next().Text}";
        }

        if (token.Kind is RuleTokenKind.Symbol or RuleTokenKind.Word && RuleOperators.TryParse(spelling, out var @operator))
        {
            return (@operator, token);
        }

        var expected = $"expected one of {RuleOperators.Expected}";
        throw token.Kind == RuleTokenKind.End
            ? RuleSyntaxException.AtColumn($"missing operator after '{field.Text}'", token.Column, expected)
            : RuleSyntaxException.AtColumn($"unknown operator '{spelling}'", token.Column, expected);
    }

    private FieldValue ParseValue(RuleOperator @operator, RuleToken operatorToken)
    {
        if (@operator.TakesNoValue())
        {
            return FieldValue.Missing;
        }

        var symbol = @operator.ToSymbol();
        if (@operator.TakesList())
        {
            return Current.Kind == RuleTokenKind.OpenBracket
                ? ParseList(symbol)
                : throw RuleSyntaxException.AtColumn($"'{symbol}' needs a list such as [\"a\", \"b\"]", Current.Column);
        }

        if (Current.Kind == RuleTokenKind.OpenBracket)
        {
            throw RuleSyntaxException.AtColumn($"unexpected list after '{symbol}'", Current.Column, "use 'in' to match any of several values");
        }

        return ParseScalar(symbol, operatorToken);
    }

    private FieldValue ParseList(string symbol)
    {
        var open = Next();
        var items = new List<FieldValue>();
        if (Current.Kind == RuleTokenKind.CloseBracket)
        {
            _position++;
            return FieldValue.List(items);
        }

        while (true)
        {
            items.Add(ParseScalar(symbol, open));
            var separator = Next();
            if (separator.Kind == RuleTokenKind.CloseBracket)
            {
                return FieldValue.List(items);
            }

            if (separator.Kind != RuleTokenKind.Comma)
            {
                _position--;
                throw Unexpected($"expected ',' or ']' in the list of column {open.Column}");
            }
        }
    }

    private FieldValue ParseScalar(string symbol, RuleToken after)
    {
        var token = Current;
        if (token.Kind == RuleTokenKind.Quoted)
        {
            _position++;
            return FieldValue.String(token.Text);
        }

        if (token.Kind != RuleTokenKind.Word)
        {
            throw token.Kind == RuleTokenKind.End
                ? RuleSyntaxException.AtColumn($"missing value after '{(after.Kind == RuleTokenKind.OpenBracket ? "[" : symbol)}'", token.Column)
                : Unexpected("expected a value");
        }

        if (token.IsWord("null"))
        {
            throw RuleSyntaxException.AtColumn("a value cannot be null", token.Column, "to test for an empty field use 'exists' or 'not exists'");
        }

        _position++;
        if (token.IsWord("true") || token.IsWord("false"))
        {
            return FieldValue.Boolean(token.IsWord("true"));
        }

        return TryParseNumber(token.Text, out var number) ? FieldValue.Number(number) : FieldValue.String(token.Text);
    }

    internal static bool TryParseNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number);

    private RuleSyntaxException Unexpected(string expectation) =>
        RuleSyntaxException.AtColumn(
            Current.Kind == RuleTokenKind.End ? "unexpected end of rule" : $"unexpected '{Current.Raw}'", Current.Column, expectation);
}
