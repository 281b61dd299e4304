using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Rules;

public sealed class GroupSpecs
{
    private readonly DictionaryFieldSource _acme = Companies.Acme();

    [Fact]
    public void The_empty_rule_matches_everything()
    {
        var rule = Condition.FromJson("""{"all":[]}""");

        rule.Evaluate(new DictionaryFieldSource()).ShouldBe(new RuleResult(true, null));
        rule.Evaluate(_acme).Matched.ShouldBeTrue();
        rule.ShouldBe(Condition.MatchAll);
        Condition.Parse("true").ShouldBe(Condition.MatchAll);
    }

    [Fact]
    public void The_empty_any_group_matches_nothing()
    {
        var rule = Condition.FromJson("""{"any":[]}""");

        var result = rule.Evaluate(_acme);

        result.Matched.ShouldBeFalse();
        result.Reason.ShouldBe("an empty 'any' group matches nothing");
    }

    [Theory]
    [InlineData("plan = Pro and (monthly_spend > 100 or tags contains vip)", true)]
    [InlineData("plan = Pro and (monthly_spend > 1000 or tags contains vip)", true)]
    [InlineData("plan = Pro and (monthly_spend > 1000 or tags contains gold)", false)]
    [InlineData("plan = Free or monthly_spend > 100 and industry = Retail", true)]
    [InlineData("plan = Free or monthly_spend > 100 and industry = Banking", false)]
    [InlineData("(plan = Free or monthly_spend > 100) and industry = Retail", true)]
    [InlineData("plan = Free and (industry = Retail or (tags contains vip and user_count > 10))", false)]
    [InlineData("plan = Pro and (industry = Banking or (tags contains vip and user_count > 10))", true)]
    [InlineData("not (industry = Retail)", false)]
    [InlineData("not industry = Banking and plan = Pro", true)]
    [InlineData("not (plan = Pro and industry = Retail)", false)]
    [InlineData("not not plan = Pro", true)]
    [InlineData("PLAN = Pro AND Tags CONTAINS vip", true)]
    public void Groups_nest_and_and_binds_tighter_than_or(string rule, bool expected) =>
        _acme.Matches(rule).ShouldBe(expected);

    [Fact]
    public void All_stops_at_the_first_condition_that_fails()
    {
        var company = new RecordingFieldSource(_acme);
        var rule = Condition.Parse("plan = Pro and industry = Banking and tags contains vip");

        var matched = rule.IsMatch(company);

        matched.ShouldBeFalse();
        company.Read.ShouldBe(["plan", "industry"]);
    }

    [Fact]
    public void Any_stops_at_the_first_condition_that_matches()
    {
        var company = new RecordingFieldSource(_acme);
        var rule = Condition.Parse("plan = Free or industry = Retail or tags contains vip");

        var result = rule.Evaluate(company);

        result.Matched.ShouldBeTrue();
        company.Read.ShouldBe(["plan", "industry"]);
    }

    [Fact]
    public void The_reason_names_the_first_condition_that_failed()
    {
        var company = new DictionaryFieldSource { ["plan"] = "Free", ["tags"] = FieldValue.List() };

        var plan = Condition.Parse("plan = Pro and tags contains vip").Evaluate(company);
        var tags = Condition.Parse("plan = Free and tags contains vip").Evaluate(company);

        plan.ShouldBe(new RuleResult(false, "plan = Pro (was Free)"));
        tags.ShouldBe(new RuleResult(false, "tags contains vip (was: none)"));
    }

    [Fact]
    public void The_reason_of_a_failed_any_lists_every_alternative()
    {
        var rule = Condition.Parse("plan = Pro and (monthly_spend > 1000 or tags contains gold)");

        var result = rule.Evaluate(_acme);

        result.Reason.ShouldBe("none of: monthly_spend > 1000 (was 120.5); tags contains gold (was: VIP, beta)");
    }

    [Fact]
    public void The_reason_of_a_failed_not_shows_the_value_that_matched()
    {
        var result = Condition.Parse("not (industry = Retail)").Evaluate(_acme);

        result.Reason.ShouldBe("not (industry = Retail) (was Retail)");
    }

    [Fact]
    public void The_reason_keeps_long_values_short()
    {
        var company = new DictionaryFieldSource
        {
            ["tags"] = FieldValue.List(Enumerable.Range(1, 12).Select(i => $"t{i}")),
            ["name"] = new string('x', 200),
        };

        var tags = Condition.Parse("tags contains vip").Evaluate(company);
        var name = Condition.Parse("name = Acme").Evaluate(company);

        tags.Reason.ShouldBe("tags contains vip (was: t1, t2, t3, t4, t5, … (12 in all))");
        name.Reason!.Length.ShouldBeLessThan(120);
        name.Reason.ShouldEndWith("…)");
    }

    [Fact]
    public void A_rule_evaluates_the_same_for_every_company_it_is_given()
    {
        var rule = Condition.Parse("plan in [Pro, Premium] and monthly_spend >= 100");
        var companies = Enumerable.Range(0, 1000).Select(i => new DictionaryFieldSource
        {
            ["plan"] = i % 2 == 0 ? "Pro" : "Free",
            ["monthly_spend"] = (decimal)i,
        }).ToList();

        var qualified = companies.Count(rule.IsMatch);

        qualified.ShouldBe(450);
    }
}
