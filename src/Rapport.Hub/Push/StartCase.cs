using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rapport.Hub.Push;

/// <summary>
/// lodash's <c>startCase</c> (4.17): deburr, drop apostrophes, split into words as <c>_.words</c> does, upper-case each
/// word's first letter and join with spaces — <c>activeRiskIndicators</c> → <c>Active Risk Indicators</c>,
/// <c>__FOO_BAR__</c> → <c>FOO BAR</c>. Vitally's push integration names attributes this way, so a team moving from
/// Vitally finds the same names. The patterns below are lodash's own, with JavaScript's ASCII <c>\d</c> and <c>\b</c>
/// kept (ECMAScript mode) and JavaScript's end-of-input <c>$</c> written as <c>(?![\s\S])</c>.
/// </summary>
public static partial class StartCase
{
    private const string Lower = @"a-z\xdf-\xf6\xf8-\xff";
    private const string Upper = @"A-Z\xc0-\xd6\xd8-\xde";
    private const string BreakRange = @"\xac\xb1\xd7\xf7" + @"\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf" + @"\u2000-\u206f"
        + @" \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000";
    private const string Break = "[" + BreakRange + "]";
    private const string LowerClass = "[" + Lower + "]";
    private const string UpperClass = "[" + Upper + "]";
    private const string Misc = @"[^\ud800-\udfff" + BreakRange + @"0-9\u2700-\u27bf" + Lower + Upper + "]";
    private const string MiscLower = "(?:" + LowerClass + "|" + Misc + ")";
    private const string MiscUpper = "(?:" + UpperClass + "|" + Misc + ")";
    private const string OptContrLower = "(?:['\u2019](?:d|ll|m|re|s|t|ve))?";
    private const string OptContrUpper = "(?:['\u2019](?:D|LL|M|RE|S|T|VE))?";
    private const string End = @"(?![\s\S])";
    private const string Combo = @"[\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff]";
    private const string Fitz = @"\ud83c[\udffb-\udfff]";
    private const string Modifier = "(?:" + Combo + "|" + Fitz + ")";
    private const string Regional = @"(?:\ud83c[\udde6-\uddff]){2}";
    private const string SurrogatePair = @"[\ud800-\udbff][\udc00-\udfff]";
    private const string OptVar = @"[\ufe0e\ufe0f]?";
    private const string OptJoin = @"(?:\u200d(?:[^\ud800-\udfff]|" + Regional + "|" + SurrogatePair + ")" + OptVar + Modifier + "?)*";
    private const string Emoji = @"(?:[\u2700-\u27bf]|" + Regional + "|" + SurrogatePair + ")" + OptVar + Modifier + "?" + OptJoin;

    private const string UnicodeWord =
        UpperClass + "?" + LowerClass + "+" + OptContrLower + "(?=" + Break + "|" + UpperClass + "|" + End + ")"
        + "|" + MiscUpper + "+" + OptContrUpper + "(?=" + Break + "|" + UpperClass + MiscLower + "|" + End + ")"
        + "|" + UpperClass + "?" + MiscLower + "+" + OptContrLower
        + "|" + UpperClass + "+" + OptContrUpper
        + "|" + @"[0-9]*(?:1ST|2ND|3RD|(?![123])[0-9]TH)(?=\b|[a-z_])"
        + "|" + @"[0-9]*(?:1st|2nd|3rd|(?![123])[0-9]th)(?=\b|[A-Z_])"
        + "|" + "[0-9]+"
        + "|" + Emoji;

    /// <summary>The name in start case; empty when it holds no word (only punctuation or separators).</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = Apostrophes().Replace(Deburr(name), "");
        var words = HasUnicodeWord().IsMatch(text) ? UnicodeWords().Matches(text) : AsciiWords().Matches(text);
        var result = new StringBuilder(text.Length + 8);
        foreach (Match word in words)
        {
            if (result.Length > 0)
                result.Append(' ');
            AppendUpperFirst(result, word.Value);
        }

        return result.ToString();
    }

    // lodash's upperFirst takes the first code point (a surrogate pair whole) and upper-cases it as JavaScript does.
    private static void AppendUpperFirst(StringBuilder result, string word)
    {
        var first = char.IsHighSurrogate(word[0]) && word.Length > 1 ? word[..2] : word[..1];
        result.Append(first.ToUpperInvariant()).Append(word, first.Length, word.Length - first.Length);
    }

    /// <summary>
    /// lodash's <c>deburr</c>: Latin-1 Supplement and Latin Extended-A letters to basic Latin (<c>é</c> → <c>e</c>,
    /// <c>ß</c> → <c>ss</c>, <c>Æ</c> → <c>Ae</c>), then combining diacritical marks removed; nothing else is touched.
    /// </summary>
    private static string Deburr(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is (>= '\xc0' and <= '\xd6') or (>= '\xd8' and <= '\xf6') or (>= '\xf8' and <= '\u017f'))
                result.Append(DeburrLetter(c));
            else if (!IsComboMark(c))
                result.Append(c);
        }

        return result.ToString();
    }

    // lodash's deburredLetters for U+00C0–U+017F, one entry per code point (× and ÷ are not letters and stay).
    private static readonly string[] LatinLetters = (
        "A A A A A A Ae C E E E E I I I I D N O O O O O \u00d7 O U U U U Y Th ss a a a a a a ae c e e e e i i i i d n o o o o o \u00f7 "
        + "o u u u u y th y A a A a A a C c C c C c C c D d D d E e E e E e E e E e G g G g G g G g H h H h I i I i I i I i "
        + "I i IJ ij J j K k k L l L l L l L l L l N n N n N n 'n N n O o O o O o Oe oe R r R r R r S s S s S s S s T t T t "
        + "T t U u U u U u U u U u U u W w Y y Y Z z Z z Z z s").Split(' ');

    private static string DeburrLetter(char c) => LatinLetters[c - '\xc0'];

    private static bool IsComboMark(char c) => c is (>= '\u0300' and <= '\u036f') or (>= '\ufe20' and <= '\ufe2f') or (>= '\u20d0' and <= '\u20ff');

    [GeneratedRegex("['\u2019]")]
    private static partial Regex Apostrophes();

    [GeneratedRegex("[a-z][A-Z]|[A-Z]{2}[a-z]|[0-9][a-zA-Z]|[a-zA-Z][0-9]|[^a-zA-Z0-9 ]", RegexOptions.ECMAScript)]
    private static partial Regex HasUnicodeWord();

    [GeneratedRegex(@"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+", RegexOptions.ECMAScript)]
    private static partial Regex AsciiWords();

    [GeneratedRegex(UnicodeWord, RegexOptions.ECMAScript)]
    private static partial Regex UnicodeWords();
}
