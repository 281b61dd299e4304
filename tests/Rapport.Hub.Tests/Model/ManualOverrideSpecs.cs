using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

/// <summary>What a teammate sets by hand wins over what the definitions compute.</summary>
public sealed class ManualOverrideSpecs
{
    private static readonly ModelDefinitions Definitions = new()
    {
        Owner = new OwnerDefinition("intercom.owner_id"),
        Indicators = [new IndicatorDefinition("Churn Risk", IndicatorKind.Risk, "days_since_last_seen > 14")],
        Segments =
        [
            new SegmentDefinition { Name = "Enterprise", Rule = "traits.stripe.mrr >= 1000", Exclude = [1] },
            new SegmentDefinition { Name = "Watch list" },
        ],
    };

    private static AccountInputs Acme(
        string? owner = null, Dictionary<string, bool>? segments = null, Dictionary<string, IndicatorAddressed>? addressed = null, double seenDaysAgo = 20) =>
        new(new Accounts.AccountId(1))
        {
            UserIds = ["ada", "bob"],
            Traits = { ["intercom.owner_id"] = "ada", ["stripe.mrr"] = 5000 },
            LastSeenAt = Now.AddDays(-seenDaysAgo),
            ManualOwnerUserId = owner,
            ManualSegments = segments ?? new Dictionary<string, bool>(),
            AddressedIndicators = addressed ?? new Dictionary<string, IndicatorAddressed>(StringComparer.OrdinalIgnoreCase),
        };

    [Fact]
    public void An_owner_set_by_hand_wins_over_the_owner_trait()
    {
        Definitions.Evaluate(Acme()).OwnerUserId.ShouldBe("ada");
        Definitions.Evaluate(Acme(owner: "bob")).OwnerUserId.ShouldBe("bob");
    }

    [Fact]
    public void An_include_by_hand_wins_over_the_documents_exclude_list_and_the_rule()
    {
        Definitions.Evaluate(Acme()).Segments.ShouldBeEmpty("the document's exclude list keeps account 1 out");

        Definitions.Evaluate(Acme(segments: new() { ["enterprise"] = true })).Segments.ShouldBe(["Enterprise"]);
    }

    [Fact]
    public void An_exclude_by_hand_keeps_an_account_out_of_a_segment_whose_rule_it_matches()
    {
        var lenient = Definitions with { Segments = [new SegmentDefinition { Name = "Enterprise", Rule = "traits.stripe.mrr >= 1000" }] };

        lenient.Evaluate(Acme()).Segments.ShouldBe(["Enterprise"]);
        lenient.Evaluate(Acme(segments: new() { ["Enterprise"] = false })).Segments.ShouldBeEmpty();
    }

    [Fact]
    public void A_manual_segment_holds_the_accounts_put_in_by_hand_only() =>
        Definitions.Evaluate(Acme(segments: new() { ["Watch list"] = true })).Segments.ShouldBe(["Watch list"]);

    [Fact]
    public void A_mark_names_its_activation_so_it_lasts_while_that_activation_does_and_not_into_the_next()
    {
        var monday = Definitions.Evaluate(Acme(), at: Now.AddDays(-3));
        var mark = new Dictionary<string, IndicatorAddressed> { ["Churn Risk"] = new(Now.AddDays(-3), "kim@example.com", Now.AddDays(-2)) };

        var tuesday = Definitions.Evaluate(Acme(addressed: mark), monday, Now.AddDays(-2));
        var wednesday = Definitions.Evaluate(Acme(addressed: mark, seenDaysAgo: 1), tuesday, Now.AddDays(-1));
        var thursday = Definitions.Evaluate(Acme(addressed: mark), wednesday);

        tuesday.Indicator("Churn Risk").ShouldBe(new IndicatorState("Churn Risk", IndicatorKind.Risk, true, Now.AddDays(-3), null, 1, Now.AddDays(-2), "kim@example.com"));
        wednesday.Indicator("Churn Risk")!.AddressedAt.ShouldBeNull("an indicator that turned off is no longer addressed");
        thursday.Indicator("Churn Risk").ShouldBe(
            new IndicatorState("Churn Risk", IndicatorKind.Risk, true, Now, Now.AddDays(-1), 2), "the new activation starts unaddressed");
    }
}
