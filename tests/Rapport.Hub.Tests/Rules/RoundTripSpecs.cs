using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Rules;

public sealed class RoundTripSpecs
{
    public static TheoryData<string> Rules =>
    [
        "true",
        "false",
        "plan = Pro",
        "plan = \"Pro\" and (monthly_spend > 100 or tags contains vip)",
        "custom_attributes.tier in [\"gold\", \"silver\"]",
        "website exists",
        "website not exists and size not in [1, 2.50, true]",
        "not (industry = Retail)",
        "not (a = 1 or b != 2) and c >= -3.25",
        "a = 1 and (b = 2 and c = 3)",
        "a = 1 or (b = 2 or (c = 3 and d <= 4))",
        "a = 1 and true and false",
        "last_seen > \"2024-05-01T10:00:00+02:00\" and created <= 2024-01-01",
        "name = \"Ünïcode \\\"quoted\\\" \\\\ back\\nslash\\t\\u0001\"",
        "\"custom_attributes.Account Tier\" = \"and\" and \"true\" != \"12\"",
        "x contains \"\" and y in []",
        "plan = or",
    ];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Text_to_model_to_text_to_model_gives_the_same_model(string text)
    {
        var model = Condition.Parse(text);

        var again = Condition.Parse(model.ToString());

        again.ShouldBe(model);
        again.ToString().ShouldBe(model.ToString());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Model_to_json_to_model_gives_the_same_model(string text)
    {
        var model = Condition.Parse(text);

        var again = Condition.FromJson(model.ToJson());

        again.ShouldBe(model);
        again.ToJson().ShouldBe(model.ToJson());
    }

    [Fact]
    public void A_model_built_in_code_survives_both_forms()
    {
        var model = Condition.All(
            new FieldCondition("plan", RuleOperator.In, FieldValue.List("Pro", "Premium")),
            Condition.Any(
                new FieldCondition("monthly_spend", RuleOperator.GreaterThanOrEqual, 99.99m),
                Condition.Not(new FieldCondition("tags", RuleOperator.NotContains, "vip"))),
            new FieldCondition("custom_attributes.beta", RuleOperator.Equal, true));

        var fromText = Condition.Parse(model.ToString());
        var fromJson = Condition.FromJson(model.ToJson());

        fromText.ShouldBe(model);
        fromJson.ShouldBe(model);
    }

    [Fact]
    public void A_group_of_one_is_written_as_its_condition()
    {
        var model = Condition.All(new FieldCondition("plan", RuleOperator.Equal, "Pro"));

        var text = model.ToString();

        text.ShouldBe("plan = Pro");
        Condition.Parse(text).IsMatch(Companies.Acme()).ShouldBe(model.IsMatch(Companies.Acme()));
        Condition.FromJson(model.ToJson()).ShouldBe(model);
    }

    [Fact]
    public void Equal_models_have_equal_hash_codes()
    {
        var first = Condition.Parse("a = 1 and (b in [x, y] or not (c exists))");
        var second = Condition.FromJson(first.ToJson());

        second.GetHashCode().ShouldBe(first.GetHashCode());
        new HashSet<Condition> { first, second }.Count.ShouldBe(1);
    }
}
