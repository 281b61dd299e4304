using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

public sealed class IndicatorSpecs
{
    private static readonly ModelDefinitions ChurnRisk = new()
    {
        Indicators =
        [
            new IndicatorDefinition("Churn Risk", IndicatorKind.Risk, "days_since_last_seen > 14"),
            new IndicatorDefinition("Expansion opportunity", IndicatorKind.Opportunity, "traits.stripe.seats >= 20 and \"indicators.Churn Risk\" = false"),
        ],
    };

    private static AccountInputs SeenDaysAgo(double days) =>
        new(new Accounts.AccountId(1)) { LastSeenAt = Now.AddDays(-days), Traits = { ["stripe.seats"] = 25 } };

    [Fact]
    public void An_indicator_is_active_while_its_rule_holds_with_the_date_it_became_active()
    {
        var state = ChurnRisk.Evaluate(SeenDaysAgo(20));

        state.ActiveIndicators.Select(i => i.Name).ShouldBe(["Churn Risk"]);
        state.Indicator("Churn Risk").ShouldBe(new IndicatorState("Churn Risk", IndicatorKind.Risk, true, Now, null, 1));
    }

    [Fact]
    public void An_indicator_still_active_keeps_its_activation_date()
    {
        var first = ChurnRisk.Evaluate(SeenDaysAgo(20), at: Now.AddDays(-3));

        var later = ChurnRisk.Evaluate(SeenDaysAgo(20), first);

        later.Indicator("Churn Risk")!.ActivatedAt.ShouldBe(Now.AddDays(-3));
    }

    [Fact]
    public void A_flapping_indicator_shows_each_activation_and_the_last_deactivation()
    {
        var monday = ChurnRisk.Evaluate(SeenDaysAgo(20), at: Now.AddDays(-2));
        var tuesday = ChurnRisk.Evaluate(SeenDaysAgo(1), monday, Now.AddDays(-1));
        var wednesday = ChurnRisk.Evaluate(SeenDaysAgo(20), tuesday);

        tuesday.Indicator("Churn Risk").ShouldBe(new IndicatorState("Churn Risk", IndicatorKind.Risk, false, Now.AddDays(-2), Now.AddDays(-1), 1));
        tuesday.ActiveIndicators.Select(i => i.Name).ShouldBe(["Expansion opportunity"]);
        wednesday.Indicator("Churn Risk").ShouldBe(new IndicatorState("Churn Risk", IndicatorKind.Risk, true, Now, Now.AddDays(-1), 2));
        wednesday.Indicator("Expansion opportunity")!.Active.ShouldBeFalse();
    }

    [Fact]
    public void A_mark_as_addressed_lasts_while_the_indicator_stays_active()
    {
        var first = ChurnRisk.Evaluate(SeenDaysAgo(20), at: Now.AddDays(-2));
        var addressed = first with { Indicators = [first.Indicator("Churn Risk")! with { AddressedAt = Now.AddDays(-1) }] };

        var still = ChurnRisk.Evaluate(SeenDaysAgo(20), addressed);
        var off = ChurnRisk.Evaluate(SeenDaysAgo(1), still);

        still.Indicator("Churn Risk")!.AddressedAt.ShouldBe(Now.AddDays(-1));
        off.Indicator("Churn Risk")!.AddressedAt.ShouldBeNull();
    }

    [Fact]
    public void An_account_never_seen_is_not_at_risk_by_days_since_last_seen() =>
        ChurnRisk.Evaluate(new AccountInputs(new Accounts.AccountId(1))).Indicators.ShouldBeEmpty();
}
