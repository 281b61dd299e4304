using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

public sealed class TypeSpecs
{
    private static readonly ModelDefinitions Lifecycle = new()
    {
        Type = new TypeDefinition
        {
            TrialEndTrait = "stripe.trial_ends_at",
            TrialQualification = "traits.stripe.seats >= 5",
            Churn = "plan = cancelled",
            ChurnDateTrait = "stripe.churned_at",
        },
    };

    [Fact]
    public void An_account_without_trial_or_churn_is_subscribed() =>
        Lifecycle.Evaluate(Account()).Type.ShouldBe(AccountType.Subscribed);

    [Fact]
    public void A_trial_ending_today_is_a_trial_until_the_day_is_over()
    {
        var account = Account(1, ("stripe.trial_ends_at", "2025-03-10"), ("stripe.seats", 8));

        Lifecycle.Evaluate(account).Type.ShouldBe(AccountType.Trial);
        Lifecycle.Evaluate(account, at: new DateTimeOffset(2025, 3, 11, 0, 0, 0, TimeSpan.Zero)).Type.ShouldBe(AccountType.Subscribed);
    }

    [Fact]
    public void A_trial_that_ended_this_morning_is_over()
    {
        // Unix seconds of 2025-03-10T09:00:00Z, as Intercom sends date attributes; now is 15:00 that day.
        var account = Account(1, ("stripe.trial_ends_at", 1741597200), ("stripe.seats", 8));

        Lifecycle.Evaluate(account).Type.ShouldBe(AccountType.Subscribed);
    }

    [Fact]
    public void A_trial_failing_the_qualification_rule_is_an_unqualified_trial()
    {
        var account = Account(1, ("stripe.trial_ends_at", "2025-04-01T00:00:00Z"), ("stripe.seats", 2));

        Lifecycle.Evaluate(account).Type.ShouldBe(AccountType.UnqualifiedTrial);
    }

    [Fact]
    public void A_churn_date_that_has_come_makes_the_account_churned_even_during_a_trial()
    {
        var account = Account(1, ("stripe.trial_ends_at", "2025-04-01"), ("stripe.churned_at", "2025-03-10"));

        Lifecycle.Evaluate(account).Type.ShouldBe(AccountType.Churned);
    }

    [Fact]
    public void A_churned_account_is_subscribed_again_once_the_churn_rule_stops_matching()
    {
        var account = Account();
        account.Fields["plan"] = "cancelled";
        var churned = Lifecycle.Evaluate(account);
        account.Fields["plan"] = "Pro";

        var back = Lifecycle.Evaluate(account, churned);

        churned.Type.ShouldBe(AccountType.Churned);
        back.Type.ShouldBe(AccountType.Subscribed);
    }

    [Fact]
    public void A_trial_end_that_is_not_a_date_is_reported_and_does_not_make_a_trial()
    {
        var state = Lifecycle.Evaluate(Account(1, ("stripe.trial_ends_at", "soon")));

        state.Type.ShouldBe(AccountType.Subscribed);
        state.Problems.ShouldBe([new ModelProblem("Type", "trait stripe.trial_ends_at is \"soon\", not a date")]);
    }

    [Theory]
    [InlineData("2025-03-20", "type = trial", true)]
    [InlineData("2025-03-01", "type = trial", false)]
    [InlineData("2025-03-01", "type in [subscribed, churned]", true)]
    public void Rules_can_test_the_type(string trialEnd, string rule, bool expected)
    {
        var definitions = Lifecycle with { Indicators = [new IndicatorDefinition("Trialing", IndicatorKind.Opportunity, rule)] };

        var state = definitions.Evaluate(Account(1, ("stripe.trial_ends_at", trialEnd), ("stripe.seats", 9)));

        (state.Indicator("Trialing")?.Active ?? false).ShouldBe(expected);
    }
}
