using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Rules;

public sealed class SyntaxErrorSpecs
{
    private const string Operators = "expected one of =, !=, >, <, >=, <=, contains, not contains, in, not in, exists, not exists";

    [Theory]
    [InlineData("user_count => 5", "rule: unknown operator '=>' at column 12; " + Operators)]
    [InlineData("plan == Pro", "rule: unknown operator '==' at column 6; " + Operators)]
    [InlineData("plan is Pro", "rule: unknown operator 'is' at column 6; " + Operators)]
    [InlineData("plan not equals Pro", "rule: unknown operator 'not equals' at column 6; " + Operators)]
    [InlineData("plan", "rule: missing operator after 'plan' at column 5; " + Operators)]
    [InlineData("plan =", "rule: missing value after '=' at column 7")]
    [InlineData("plan = Pro and", "rule: unexpected end of rule at column 15; expected a field name, '(' or 'not'")]
    [InlineData("plan = Pro)", "rule: unexpected ')' at column 11; expected 'and', 'or' or the end (quote values that hold spaces)")]
    [InlineData("industry = Real Estate", "rule: unexpected 'Estate' at column 17; expected 'and', 'or' or the end (quote values that hold spaces)")]
    [InlineData("(plan = Pro or tier = gold", "rule: unexpected end of rule at column 27; expected ')' to close the '(' of column 1")]
    [InlineData("plan = \"Pro", "rule: unterminated string at column 8; it needs a closing \"")]
    [InlineData("plan = 'Pro\\'", "rule: unterminated string at column 8; it needs a closing '")]
    [InlineData("plan = \"P\\qo\"", "rule: unknown escape '\\q' in a string at column 10; use \\\" \\' \\\\ \\n \\t or \\uXXXX")]
    [InlineData("plan in Pro", "rule: 'in' needs a list such as [\"a\", \"b\"] at column 9")]
    [InlineData("plan not in", "rule: 'not in' needs a list such as [\"a\", \"b\"] at column 12")]
    [InlineData("plan = [Pro, Free]", "rule: unexpected list after '=' at column 8; use 'in' to match any of several values")]
    [InlineData("tags in [a b]", "rule: unexpected 'b' at column 12; expected ',' or ']' in the list of column 9")]
    [InlineData("tags in [a,", "rule: missing value after '[' at column 12")]
    [InlineData("plan = null", "rule: a value cannot be null at column 8; to test for an empty field use 'exists' or 'not exists'")]
    [InlineData("= Pro", "rule: unexpected '=' at column 1; expected a field name, '(' or 'not'")]
    [InlineData("", "rule: empty rule at column 1; write 'true' to match everything")]
    [InlineData("   ", "rule: empty rule at column 1; write 'true' to match everything")]
    [InlineData("website exists vip", "rule: unexpected 'vip' at column 16; expected 'and', 'or' or the end (quote values that hold spaces)")]
    public void A_text_mistake_is_named_with_its_column(string text, string message)
    {
        var exception = Should.Throw<RuleSyntaxException>(() => Condition.Parse(text));

        exception.Message.ShouldBe(message);
        exception.Message.ShouldNotContain("\n");
        exception.Column.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("""{"all":[{"field":"a","op":"=","value":1},{"field":"plan","op":"in","value":"Pro"}]}""", "rule: 'value' must be a list for 'in' (at $.all[1])")]
    [InlineData("""{"any":[{"field":"plan","op":"eq","value":"Pro"}]}""", "rule: unknown operator 'eq' (at $.any[0]); " + Operators)]
    [InlineData("""{"field":"plan","op":5,"value":"Pro"}""", "rule: unknown operator '5' (at $); " + Operators)]
    [InlineData("""{"field":"plan","value":"Pro"}""", "rule: 'op' is required (at $); " + Operators)]
    [InlineData("""{"op":"=","value":"Pro"}""", "rule: 'field' is required (at $); expected 'field', 'op' and 'value', or one of 'all', 'any', 'not'")]
    [InlineData("""{"field":"","op":"=","value":"Pro"}""", "rule: 'field' must be a non-empty string (at $)")]
    [InlineData("""{"fields":"plan","op":"=","value":"Pro"}""", "rule: unknown property 'fields' (at $); expected 'field', 'op' and 'value', or one of 'all', 'any', 'not'")]
    [InlineData("""{"all":[{"not":{"any":{"field":"a","op":"exists"}}}]}""", "rule: 'any' must be a list of rules, not an object (at $.all[0].not)")]
    [InlineData("""{"all":[],"any":[]}""", "rule: 'all' cannot be combined with 'any' (at $); wrap them in an 'all' or 'any' group")]
    [InlineData("""{"all":[],"field":"plan"}""", "rule: 'all' cannot be combined with 'field' (at $); wrap them in an 'all' or 'any' group")]
    [InlineData("""{"field":"plan","op":"=","value":null}""", "rule: 'value' cannot be null (at $); to test for an empty field use 'exists' or 'not exists'")]
    [InlineData("""{"field":"plan","op":"="}""", "rule: 'value' is required for '=' (at $)")]
    [InlineData("""{"field":"plan","op":"exists","value":true}""", "rule: 'value' is not allowed for 'exists' (at $)")]
    [InlineData("""{"field":"plan","op":"=","value":["a"]}""", "rule: 'value' must not be a list for '=' (at $); use 'in' to match any of several values")]
    [InlineData("""{"field":"plan","op":"=","value":{"a":1}}""", "rule: 'value' must be a string, number, boolean or list, not an object (at $)")]
    [InlineData("""{"field":"plan","op":"in","value":[["a"]]}""", "rule: the list of 'in' may hold only strings, numbers and booleans (at $)")]
    [InlineData("""{"field":"plan","op":"=","value":1e40}""", "rule: the number 1e40 is out of range (at $)")]
    [InlineData("""{"field":"plan","field":"tier","op":"exists"}""", "rule: duplicate property 'field' (at $)")]
    [InlineData("""["plan"]""", "rule: a rule must be a JSON object, not a list (at $)")]
    public void A_json_mistake_is_named_with_its_path(string json, string message)
    {
        var exception = Should.Throw<RuleSyntaxException>(() => Condition.FromJson(json));

        exception.Message.ShouldBe(message);
        exception.Path.ShouldNotBeNull();
    }

    [Fact]
    public void Invalid_json_is_a_rule_syntax_error_on_one_line()
    {
        var exception = Should.Throw<RuleSyntaxException>(() => Condition.FromJson("""{"field":"plan" "op":"="}"""));

        exception.Message.ShouldStartWith("rule: invalid JSON: ");
        exception.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void A_model_built_in_code_rejects_a_value_that_does_not_fit_its_operator()
    {
        Should.Throw<ArgumentException>(() => new FieldCondition("plan", RuleOperator.In, "Pro"))
            .Message.ShouldStartWith("'in' needs a list");
        Should.Throw<ArgumentException>(() => new FieldCondition("plan", RuleOperator.Exists, "Pro"));
        Should.Throw<ArgumentException>(() => new FieldCondition("plan", RuleOperator.Equal));
        Should.Throw<ArgumentException>(() => new FieldCondition(" ", RuleOperator.Exists));
    }
}
