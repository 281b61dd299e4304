using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Rules;

public sealed class MissingAndNullSpecs
{
    public static TheoryData<string> PositiveRules =>
    [
        "{0} = Pro", "{0} > 1", "{0} < 1", "{0} >= 1", "{0} <= 1", "{0} contains a", "{0} in [a, 1]", "{0} exists",
        "{0} = 2024-01-01", "{0} = false",
    ];

    public static TheoryData<string> NegativeRules =>
    [
        "{0} != Pro", "{0} not contains a", "{0} not in [a, 1]", "{0} not exists",
    ];

    [Theory]
    [MemberData(nameof(PositiveRules))]
    public void A_missing_field_fails_every_positive_operator(string template)
    {
        var company = new DictionaryFieldSource();

        company.Matches(string.Format(null, template, "plan")).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(PositiveRules))]
    public void A_null_field_fails_every_positive_operator(string template)
    {
        var company = new DictionaryFieldSource { ["plan"] = FieldValue.Null };

        company.Matches(string.Format(null, template, "plan")).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(NegativeRules))]
    public void A_missing_field_passes_every_negative_operator(string template)
    {
        var company = new DictionaryFieldSource();

        company.Matches(string.Format(null, template, "plan")).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(NegativeRules))]
    public void A_null_field_passes_every_negative_operator(string template)
    {
        var company = new DictionaryFieldSource { ["plan"] = (string?)null };

        company.Matches(string.Format(null, template, "plan")).ShouldBeTrue();
    }

    [Fact]
    public void Null_items_of_a_list_field_are_ignored()
    {
        var company = new DictionaryFieldSource { ["tags"] = FieldValue.List(FieldValue.Null, "vip") };

        company.Matches("tags contains vip").ShouldBeTrue();
        company.Matches("tags in [vip]").ShouldBeTrue();
        company.Matches("tags contains null_tag").ShouldBeFalse();
    }

    [Fact]
    public void The_reason_says_the_field_was_missing_or_null()
    {
        var company = new DictionaryFieldSource { ["size"] = FieldValue.Null };

        var missing = Condition.Parse("plan = Pro").Evaluate(company);
        var isNull = Condition.Parse("size > 10").Evaluate(company);

        missing.Reason.ShouldBe("plan = Pro (was missing)");
        isNull.Reason.ShouldBe("size > 10 (was null)");
    }
}
