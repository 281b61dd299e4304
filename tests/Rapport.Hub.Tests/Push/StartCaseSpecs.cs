using System.Globalization;
using Rapport.Hub.Push;

namespace Rapport.Hub.Tests.Push;

/// <summary>
/// Attribute names are <c>Prefix + startCase(name)</c>, as lodash's <c>_.startCase</c> spells them. Expectations come from
/// lodash's documentation (<c>startCase</c>, <c>words</c>, <c>deburr</c>) and, for the generated names, from the words
/// the name was built of: each word's first letter upper-cased, the rest kept, joined by one space.
/// </summary>
public sealed class StartCaseSpecs
{
    [Theory]
    [InlineData("--foo-bar--", "Foo Bar")]
    [InlineData("fooBar", "Foo Bar")]
    [InlineData("__FOO_BAR__", "FOO BAR")]
    [InlineData("activeRiskIndicators", "Active Risk Indicators")]
    [InlineData("slack_integration", "Slack Integration")]
    [InlineData("Slack Integration", "Slack Integration")]
    [InlineData("fred, barney, & pebbles", "Fred Barney Pebbles")]
    [InlineData("XMLHttpRequest", "XML Http Request")]
    [InlineData("parseHTML5Document", "Parse HTML 5 Document")]
    [InlineData("version2", "Version 2")]
    [InlineData("2fa enabled", "2 Fa Enabled")]
    [InlineData("the 1st place", "The 1st Place")]
    [InlineData("don't stop", "Dont Stop")]
    [InlineData("déjà vu", "Deja Vu")]
    [InlineData("Straße", "Strasse")]
    [InlineData("Ærø", "Aero")]
    [InlineData("日本語 テキスト", "日本語 テキスト")]
    [InlineData("приветМир", "ПриветМир")]
    [InlineData("  ", "")]
    [InlineData("", "")]
    public void Documented_examples_come_out_as_lodash_gives_them(string name, string expected) =>
        StartCase.Of(name).ShouldBe(expected);

    [Fact]
    public void Generated_names_in_every_style_come_out_as_their_words_in_start_case()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 5000; i++)
        {
            var (name, expected) = NameGenerator.Next(random);
            StartCase.Of(name).ShouldBe(expected, $"name {i}: \"{name}\"");
        }
    }

    [Fact]
    public void Start_case_is_idempotent_on_its_own_output()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var once = StartCase.Of(NameGenerator.Next(random).Name);
            StartCase.Of(once).ShouldBe(once);
        }
    }

    /// <summary>Builds a name from chosen words in one style and says which words lodash must find in it.</summary>
    private static class NameGenerator
    {
        private const string Letters = "abcdefghijklmnopqrstuvwxyz";

        // (written, as deburr leaves it)
        private static readonly (string Word, string Plain)[] Accented =
        [
            ("café", "cafe"), ("über", "uber"), ("señor", "senor"), ("ørsted", "orsted"), ("åland", "aland"),
            ("façade", "facade"), ("naïve", "naive"), ("straße", "strasse"), ("æther", "aether"), ("crème", "creme"),
        ];

        private static readonly string[] Foreign = ["привет", "日本語", "λόγος", "שלום", "한국어", "данные"];

        private static readonly string[] Separators = ["_", "-", " ", ".", "/", "__", " - ", "--", "+", ":"];

        public static (string Name, string Expected) Next(Random random)
        {
            var style = random.Next(6);
            var count = random.Next(1, 5);
            return style switch
            {
                0 => Camel(random, count, pascal: false),
                1 => Camel(random, count, pascal: true),
                _ => Separated(random, count, style),
            };
        }

        // camelCase / PascalCase: lower words capitalised after the first, acronyms kept, digits between.
        private static (string, string) Camel(Random random, int count, bool pascal)
        {
            var name = "";
            var words = new List<string>();
            var previous = Kind.None;
            for (var i = 0; i < count; i++)
            {
                var kind = PickKind(random, previous, allowForeign: false);
                var (word, plain) = kind switch
                {
                    Kind.Acronym => Acronym(random, afterDigits: previous == Kind.Digits),
                    Kind.Digits => Digits(random),
                    Kind.Accented => AccentedWord(random),
                    _ => Lower(random),
                };
                if (kind is Kind.Lower or Kind.Accented && (i > 0 || pascal))
                    (word, plain) = (Capital(word), Capital(plain));
                name += word;
                words.Add(plain);
                previous = kind;
            }

            return (Decorate(random, name), Expected(words));
        }

        // snake, kebab, spaced, SCREAMING and mixed separators, with foreign scripts too.
        private static (string, string) Separated(Random random, int count, int style)
        {
            var screaming = style == 5;
            var parts = new List<string>();
            var words = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var kind = PickKind(random, Kind.None, allowForeign: !screaming);
                var (word, plain) = kind switch
                {
                    Kind.Acronym => Acronym(random, afterDigits: false),
                    Kind.Digits => Digits(random),
                    Kind.Accented => AccentedWord(random),
                    Kind.Foreign => Foreign[random.Next(Foreign.Length)] is var f ? (f, f) : default,
                    _ => Lower(random),
                };
                if (screaming && kind is Kind.Accented && plain.Length != word.Length)
                    (word, plain) = Lower(random);
                if (screaming)
                    (word, plain) = (word.ToUpperInvariant(), plain.ToUpperInvariant());
                parts.Add(word);
                words.Add(plain);
            }

            var separator = style == 4 ? null : Separators[(style - 2) % 3];
            var name = parts[0];
            for (var i = 1; i < parts.Count; i++)
                name += (separator ?? Separators[random.Next(Separators.Length)]) + parts[i];
            return (Decorate(random, name), Expected(words));
        }

        private static Kind PickKind(Random random, Kind previous, bool allowForeign)
        {
            while (true)
            {
                var kind = (Kind)random.Next(1, allowForeign ? 6 : 5);
                // Two acronyms or two numbers side by side are one word to anyone, lodash included.
                if (kind == previous && kind is Kind.Acronym or Kind.Digits)
                    continue;
                return kind;
            }
        }

        private static (string, string) Lower(Random random)
        {
            var word = new string([.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => Letters[random.Next(Letters.Length)])]);
            return (word, word);
        }

        // Not ST/ND/RD/TH after digits: "4TH" is an ordinal to lodash, one word.
        private static (string, string) Acronym(Random random, bool afterDigits)
        {
            while (true)
            {
                var word = new string([.. Enumerable.Range(0, random.Next(2, 5)).Select(_ => char.ToUpperInvariant(Letters[random.Next(Letters.Length)]))]);
                if (!afterDigits || !(word.StartsWith("ST", StringComparison.Ordinal) || word.StartsWith("ND", StringComparison.Ordinal)
                    || word.StartsWith("RD", StringComparison.Ordinal) || word.StartsWith("TH", StringComparison.Ordinal)))
                {
                    return (word, word);
                }
            }
        }

        private static (string, string) Digits(Random random)
        {
            var word = random.Next(0, 10_000).ToString(CultureInfo.InvariantCulture);
            return (word, word);
        }

        private static (string, string) AccentedWord(Random random) => Accented[random.Next(Accented.Length)];

        private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

        private static string Decorate(Random random, string name) => random.Next(4) switch
        {
            0 => Separators[random.Next(Separators.Length)] + name,
            1 => name + Separators[random.Next(Separators.Length)],
            2 => "__" + name + "--",
            _ => name,
        };

        private static string Expected(IEnumerable<string> words) => string.Join(' ', words.Select(Capital));

        private enum Kind { None, Lower, Acronym, Digits, Accented, Foreign }
    }
}
