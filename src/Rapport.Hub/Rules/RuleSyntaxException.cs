namespace Rapport.Hub.Rules;

/// <summary>
/// A rule that cannot be parsed. The message is one line that starts with <c>rule:</c> and says what is wrong and
/// where: a 1-based <see cref="Column"/> for the text form, a JSON <see cref="Path"/> (<c>$.all[1]</c>) for JSON.
/// </summary>
public sealed class RuleSyntaxException : FormatException
{
    public RuleSyntaxException()
    {
    }

    public RuleSyntaxException(string message)
        : base(message)
    {
    }

    public RuleSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>1-based column in the text form; null for JSON.</summary>
    public int? Column { get; init; }

    /// <summary>JSON path of the offending element; null for the text form.</summary>
    public string? Path { get; init; }

    internal static RuleSyntaxException AtColumn(string problem, int column, string? hint = null) =>
        new($"rule: {problem} at column {column}{(hint is null ? "" : "; " + hint)}") { Column = column };

    internal static RuleSyntaxException AtPath(string problem, string path, string? hint = null) =>
        new($"rule: {problem} (at {path}){(hint is null ? "" : "; " + hint)}") { Path = path };
}
