using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

public sealed class SegmentSpecs
{
    private static readonly ModelDefinitions Enterprise = new()
    {
        Segments =
        [
            new SegmentDefinition { Name = "Enterprise", Rule = "traits.stripe.mrr >= 1000", Include = [7], Exclude = [8] },
            new SegmentDefinition { Name = "Beta", Include = [1] },
            new SegmentDefinition { Name = "Enterprise or beta", Rule = "segments.Enterprise = true or segments.Beta = true" },
        ],
    };

    [Fact]
    public void An_account_matching_the_rule_is_in_the_segment() =>
        Enterprise.Evaluate(Account(2, ("stripe.mrr", 1500))).Segments.ShouldBe(["Enterprise", "Enterprise or beta"]);

    [Fact]
    public void A_manual_include_puts_an_account_in_whatever_the_rule_says() =>
        Enterprise.Evaluate(Account(7, ("stripe.mrr", 10))).Segments.ShouldBe(["Enterprise", "Enterprise or beta"]);

    [Fact]
    public void A_manual_exclude_keeps_an_account_out_whatever_the_rule_says() =>
        Enterprise.Evaluate(Account(8, ("stripe.mrr", 5000))).Segments.ShouldBeEmpty();

    [Fact]
    public void A_segment_without_a_rule_holds_only_its_manual_accounts()
    {
        Enterprise.Evaluate(Account(1)).Segments.ShouldBe(["Beta", "Enterprise or beta"]);
        Enterprise.Evaluate(Account(2)).Segments.ShouldBeEmpty();
    }
}
