using System.Globalization;
using System.Text;

namespace Rapport.Hub.Rules;

/// <summary>Splits the text form into tokens; columns are 1-based.</summary>
internal static class RuleLexer
{
    private const string SymbolChars = "=!<>";

    /// <summary>Characters that end a bare word; the writer quotes any text that holds one.</summary>
    public static bool EndsWord(char c) =>
        char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or ',' or '"' or '\'' || SymbolChars.Contains(c);

    public static List<RuleToken> Tokenize(string text)
    {
        var tokens = new List<RuleToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                tokens.Add(new RuleToken(RuleTokenKind.End, "", i + 1, ""));
                return tokens;
            }

            var start = i;
            var c = text[i];
            var single = c switch
            {
                '(' => RuleTokenKind.OpenParen,
                ')' => RuleTokenKind.CloseParen,
                '[' => RuleTokenKind.OpenBracket,
                ']' => RuleTokenKind.CloseBracket,
                ',' => RuleTokenKind.Comma,
                _ => (RuleTokenKind?)null,
            };
            if (single is { } kind)
            {
                tokens.Add(new RuleToken(kind, c.ToString(), start + 1, c.ToString()));
                i++;
            }
            else if (c is '"' or '\'')
            {
                var value = ReadQuoted(text, ref i);
                tokens.Add(new RuleToken(RuleTokenKind.Quoted, value, start + 1, text[start..i]));
            }
            else if (SymbolChars.Contains(c))
            {
                while (i < text.Length && SymbolChars.Contains(text[i]))
                {
                    i++;
                }

                tokens.Add(new RuleToken(RuleTokenKind.Symbol, text[start..i], start + 1, text[start..i]));
            }
            else
            {
                while (i < text.Length && !EndsWord(text[i]))
                {
                    i++;
                }

                tokens.Add(new RuleToken(RuleTokenKind.Word, text[start..i], start + 1, text[start..i]));
            }
        }
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var start = i;
        var quote = text[i++];
        var value = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] != '\\')
            {
                value.Append(text[i++]);
                continue;
            }

            if (i + 1 == text.Length)
            {
                break;
            }

            var escape = text[i + 1];
            if (escape == 'u' && i + 6 <= text.Length
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                value.Append((char)code);
                i += 6;
                continue;
            }

            value.Append(escape switch
            {
                '"' or '\'' or '\\' or '/' => escape,
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'b' => '\b',
                'f' => '\f',
                _ => throw RuleSyntaxException.AtColumn($"unknown escape '\\{escape}' in a string", i + 1, "use \\\" \\' \\\\ \\n \\t or \\uXXXX"),
            });
            i += 2;
        }

        if (i == text.Length)
        {
            throw RuleSyntaxException.AtColumn("unterminated string", start + 1, $"it needs a closing {quote}");
        }

        i++;
        return value.ToString();
    }
}
