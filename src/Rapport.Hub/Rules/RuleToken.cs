namespace Rapport.Hub.Rules;

internal enum RuleTokenKind
{
    Word,
    Quoted,
    Symbol,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    End,
}

/// <summary>A token of the text form. <see cref="Text"/> is the unescaped content of a quoted string.</summary>
internal readonly record struct RuleToken(RuleTokenKind Kind, string Text, int Column, string Raw)
{
    public bool IsWord(string word) => Kind == RuleTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
}
