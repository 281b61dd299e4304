using System.Text.Json.Serialization;
using Rapport.Hub.Rules;

namespace Rapport.Hub.Model;

/// <summary>
/// A rule inside a definition, in the one condition language of <see cref="Condition"/>: written as its text form
/// (<c>"metrics.Logins &lt; 3 and type = subscribed"</c>) or its JSON form. Reading never fails: a rule that does not
/// parse keeps its <see cref="Error"/>, so validation can list every bad rule of a document at once.
/// </summary>
[JsonConverter(typeof(ModelRuleJsonConverter))]
public sealed record ModelRule
{
    private ModelRule(string text, Condition? condition, string? error)
    {
        Text = text;
        Condition = condition;
        Error = error;
    }

    /// <summary>The rule as written.</summary>
    public string Text { get; }

    /// <summary>The parsed rule; null when <see cref="Error"/> is set.</summary>
    public Condition? Condition { get; }

    public string? Error { get; }

    public static ModelRule Of(Condition condition) => new(condition.ToString(), condition, null);

    /// <summary>Parses the text form; a syntax error is kept, not thrown.</summary>
    public static ModelRule Parse(string text)
    {
        try
        {
            return new(text, Condition.Parse(text), null);
        }
        catch (RuleSyntaxException exception)
        {
            return new(text, null, exception.Message);
        }
    }

    /// <summary>Reads the JSON form; a syntax error is kept, not thrown.</summary>
    public static ModelRule FromJson(System.Text.Json.JsonElement json)
    {
        try
        {
            return new(json.GetRawText(), Condition.FromJson(json), null);
        }
        catch (RuleSyntaxException exception)
        {
            return new(json.GetRawText(), null, exception.Message);
        }
    }

    public static implicit operator ModelRule(string text) => Parse(text);

    public override string ToString() => Text;
}
