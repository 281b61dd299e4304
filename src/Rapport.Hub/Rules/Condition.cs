using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Hub.Rules;

/// <summary>
/// A rule of the condition language: a <see cref="FieldCondition"/>, an all/any <see cref="GroupCondition"/> or a
/// <see cref="NotCondition"/>, nested freely. Immutable; one model behind two syntaxes:
/// JSON (<see cref="FromJson(string)"/>, <see cref="ToJson"/>) and text (<see cref="Parse"/>, <see cref="ToString"/>).
/// </summary>
/// <remarks>
/// Round trips: model → JSON → model and model → text → model give an equal model, except that the text form writes
/// a group of one condition as that condition alone (same meaning). Text → model → text gives the canonical text.
/// </remarks>
[JsonConverter(typeof(ConditionJsonConverter))]
public abstract record Condition
{
    private protected Condition()
    {
    }

    /// <summary>The empty <c>all</c> group, <c>{"all":[]}</c> or <c>true</c>: it matches everything.</summary>
    public static Condition MatchAll { get; } = new GroupCondition(GroupMode.All, []);

    /// <summary>Evaluates the rule; on failure the result's reason names the first condition that failed.</summary>
    public abstract RuleResult Evaluate(IFieldSource source);

    /// <summary>Like <see cref="Evaluate"/>, without building a reason: the cheapest check for bulk filtering.</summary>
    public abstract bool IsMatch(IFieldSource source);

    /// <summary>Parses the text form, e.g. <c>plan = "Pro" and (monthly_spend &gt; 100 or tags contains vip)</c>.</summary>
    /// <exception cref="RuleSyntaxException">The text is not a rule; the message says what and at which column.</exception>
    public static Condition Parse(string text) => RuleTextParser.Parse(text);

    /// <summary>Reads the JSON form: a condition object or an <c>all</c>/<c>any</c>/<c>not</c> group object.</summary>
    /// <exception cref="RuleSyntaxException">The JSON is not a rule; the message names the JSON path.</exception>
    public static Condition FromJson(JsonElement json) => RuleJsonReader.Read(json);

    /// <inheritdoc cref="FromJson(JsonElement)"/>
    public static Condition FromJson(string json) => RuleJsonReader.Read(json);

    /// <summary>Writes the compact JSON form.</summary>
    public string ToJson() => RuleJsonWriter.Write(this);

    /// <summary>Writes the JSON form to <paramref name="writer"/>.</summary>
    public void WriteJson(Utf8JsonWriter writer) => RuleJsonWriter.Write(this, writer);

    /// <summary>The canonical text form, which <see cref="Parse"/> reads back.</summary>
    public sealed override string ToString() => RuleTextWriter.Write(this);

    public static GroupCondition All(params IEnumerable<Condition> conditions) => new(GroupMode.All, conditions);

    public static GroupCondition Any(params IEnumerable<Condition> conditions) => new(GroupMode.Any, conditions);

    public static NotCondition Not(Condition condition) => new(condition);
}
