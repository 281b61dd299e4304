using System.Text.Json;
using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Rules;

public sealed class JsonSyntaxSpecs
{
    [Fact]
    public void A_bare_condition_object_is_a_rule()
    {
        var rule = Condition.FromJson("""{"field":"plan","op":"=","value":"Pro"}""");

        rule.ShouldBe(new FieldCondition("plan", RuleOperator.Equal, "Pro"));
    }

    [Fact]
    public void Values_keep_their_json_types()
    {
        var rule = Condition.FromJson(
            """{"any":[{"field":"a","op":"=","value":1.50},{"field":"b","op":"=","value":false},{"field":"c","op":"in","value":["x",2,true]},{"field":"d","op":"exists"}]}""");

        var values = ((GroupCondition)rule).Conditions.Cast<FieldCondition>().Select(condition => condition.Value).ToList();

        values.ShouldBe(new FieldValue[] { 1.5m, false, FieldValue.List("x", 2m, true), FieldValue.Missing });
    }

    [Fact]
    public void Not_negates_a_rule()
    {
        var rule = Condition.FromJson("""{"not":{"field":"industry","op":"=","value":"Retail"}}""");

        rule.ShouldBe(Condition.Not(new FieldCondition("industry", RuleOperator.Equal, "Retail")));
        rule.IsMatch(Companies.Acme()).ShouldBeFalse();
    }

    [Fact]
    public void The_json_form_is_compact_and_readable()
    {
        var rule = Condition.Parse("plan = Pro and (monthly_spend > 100 or tags contains vip) and website exists and tier in [gold, 2]");

        var json = rule.ToJson();

        json.ShouldBe(
            """{"all":[{"field":"plan","op":"=","value":"Pro"},{"any":[{"field":"monthly_spend","op":">","value":100},{"field":"tags","op":"contains","value":"vip"}]},{"field":"website","op":"exists"},{"field":"tier","op":"in","value":["gold",2]}]}""");
    }

    [Fact]
    public void A_rule_can_be_a_property_of_any_json_model()
    {
        var settings = JsonSerializer.Deserialize<ImportSettings>(
            """{"Qualification":{"field":"plan","op":"=","value":"Pro"},"Days":90}""");

        var json = JsonSerializer.Serialize(settings);

        settings!.Qualification.ShouldBe(new FieldCondition("plan", RuleOperator.Equal, "Pro"));
        json.ShouldBe("""{"Qualification":{"field":"plan","op":"=","value":"Pro"},"Days":90}""");
    }

    [Fact]
    public void A_bad_rule_inside_a_json_model_is_a_json_error()
    {
        var exception = Should.Throw<JsonException>(() =>
            JsonSerializer.Deserialize<ImportSettings>("""{"Qualification":{"field":"plan","op":"=="},"Days":90}"""));

        exception.Message.ShouldStartWith("rule: unknown operator '=='");
    }

    [Fact]
    public void A_json_element_reads_like_json_text()
    {
        using var document = JsonDocument.Parse("""{"all":[{"field":"tags","op":"contains","value":"vip"}]}""");

        var rule = Condition.FromJson(document.RootElement);

        rule.ShouldBe(Condition.All(new FieldCondition("tags", RuleOperator.Contains, "vip")));
    }

    public sealed record ImportSettings(Condition Qualification, int Days);
}
