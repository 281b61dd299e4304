using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Rules;

public sealed class TextSyntaxSpecs
{
    [Fact]
    public void The_text_and_json_forms_of_the_brief_parse_to_the_same_model()
    {
        var text = Condition.Parse("plan = \"Pro\" and (monthly_spend > 100 or tags contains vip)");
        var json = Condition.FromJson(
            """{"all":[{"field":"plan","op":"=","value":"Pro"},{"any":[{"field":"monthly_spend","op":">","value":100},{"field":"tags","op":"contains","value":"vip"}]}]}""");

        text.ShouldBe(json);
        text.ShouldBe(Condition.All(
            new FieldCondition("plan", RuleOperator.Equal, "Pro"),
            Condition.Any(
                new FieldCondition("monthly_spend", RuleOperator.GreaterThan, 100),
                new FieldCondition("tags", RuleOperator.Contains, "vip"))));
    }

    [Theory]
    [InlineData("tier = gold", FieldValueKind.String)]
    [InlineData("tier = \"gold\"", FieldValueKind.String)]
    [InlineData("tier = 'gold'", FieldValueKind.String)]
    [InlineData("tier = 12", FieldValueKind.Number)]
    [InlineData("tier = -12.5", FieldValueKind.Number)]
    [InlineData("tier = \"12\"", FieldValueKind.String)]
    [InlineData("tier = true", FieldValueKind.Boolean)]
    [InlineData("tier = FALSE", FieldValueKind.Boolean)]
    [InlineData("tier = \"true\"", FieldValueKind.String)]
    [InlineData("tier = 2024-05-01", FieldValueKind.String)]
    public void Values_are_bare_words_quoted_strings_numbers_or_booleans(string rule, FieldValueKind kind)
    {
        var condition = (FieldCondition)Condition.Parse(rule);

        condition.Value.Kind.ShouldBe(kind);
    }

    [Fact]
    public void Every_operator_has_a_spelling()
    {
        var rules = new Dictionary<string, RuleOperator>
        {
            ["a = 1"] = RuleOperator.Equal,
            ["a != 1"] = RuleOperator.NotEqual,
            ["a > 1"] = RuleOperator.GreaterThan,
            ["a < 1"] = RuleOperator.LessThan,
            ["a >= 1"] = RuleOperator.GreaterThanOrEqual,
            ["a <= 1"] = RuleOperator.LessThanOrEqual,
            ["a contains 1"] = RuleOperator.Contains,
            ["a not contains 1"] = RuleOperator.NotContains,
            ["a in [1]"] = RuleOperator.In,
            ["a NOT   IN [1]"] = RuleOperator.NotIn,
            ["a exists"] = RuleOperator.Exists,
            ["a not exists"] = RuleOperator.NotExists,
        };

        var parsed = rules.Keys.ToDictionary(rule => rule, rule => ((FieldCondition)Condition.Parse(rule)).Operator);

        parsed.ShouldBe(rules);
    }

    [Fact]
    public void Spaces_around_operators_are_optional()
    {
        var rule = Condition.Parse("monthly_spend>=100 and(tier!=gold)");

        rule.ToString().ShouldBe("monthly_spend >= 100 and tier != gold");
    }

    [Fact]
    public void Quoted_strings_may_hold_spaces_quotes_and_escapes()
    {
        var rule = (FieldCondition)Condition.Parse("""industry = "Real \"Estate\"\n" """);
        var single = (FieldCondition)Condition.Parse("industry = 'It\\'s \"here\"'");

        rule.Value.ShouldBe(FieldValue.String("Real \"Estate\"\n"));
        single.Value.ShouldBe(FieldValue.String("It's \"here\""));
    }

    [Fact]
    public void A_quoted_field_name_may_hold_spaces()
    {
        var rule = (FieldCondition)Condition.Parse("\"custom_attributes.Account Tier\" = gold");

        rule.Field.ShouldBe("custom_attributes.Account Tier");
        rule.IsMatch(new DictionaryFieldSource { ["custom_attributes.Account Tier"] = "Gold" }).ShouldBeTrue();
    }

    [Fact]
    public void A_chain_of_ands_is_one_group_and_parentheses_keep_their_own()
    {
        var flat = Condition.Parse("a = 1 and b = 2 and c = 3");
        var nested = Condition.Parse("a = 1 and (b = 2 and c = 3)");

        flat.ShouldBeOfType<GroupCondition>().Conditions.Count.ShouldBe(3);
        nested.ShouldBeOfType<GroupCondition>().Conditions[1].ShouldBeOfType<GroupCondition>();
    }

    [Fact]
    public void False_is_the_empty_any_group()
    {
        var rule = Condition.Parse("false");

        rule.ShouldBe(Condition.Any());
        rule.IsMatch(Companies.Acme()).ShouldBeFalse();
    }

    [Theory]
    [InlineData("plan = Pro", "plan = Pro")]
    [InlineData("plan = \"Pro\"", "plan = Pro")]
    [InlineData("PLAN   =   'Pro'", "PLAN = Pro")]
    [InlineData("industry = \"Real Estate\"", "industry = \"Real Estate\"")]
    [InlineData("plan = \"and\"", "plan = \"and\"")]
    [InlineData("company_id = \"007\"", "company_id = \"007\"")]
    [InlineData("company_id = 007", "company_id = 7")]
    [InlineData("\"not\" exists", "\"not\" exists")]
    [InlineData("tags in [ vip,gold ]", "tags in [vip, gold]")]
    [InlineData("(a = 1 or b = 2) and c = 3", "(a = 1 or b = 2) and c = 3")]
    [InlineData("a = 1 or b = 2 and c = 3", "a = 1 or (b = 2 and c = 3)")]
    [InlineData("((a = 1))", "a = 1")]
    [InlineData("not a = 1", "not (a = 1)")]
    [InlineData("website exists", "website exists")]
    [InlineData("x = \"\"", "x = \"\"")]
    public void The_text_form_is_written_back_canonically(string text, string canonical)
    {
        var written = Condition.Parse(text).ToString();

        written.ShouldBe(canonical);
        Condition.Parse(written).ToString().ShouldBe(canonical);
    }
}
