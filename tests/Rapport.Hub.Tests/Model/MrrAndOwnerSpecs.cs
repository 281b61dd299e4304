using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

public sealed class MrrAndOwnerSpecs
{
    private static readonly ModelDefinitions Definitions = new()
    {
        Mrr = new MrrDefinition("stripe.mrr", "EUR"),
        Owner = new OwnerDefinition("intercom.owner_id"),
    };

    [Fact]
    public void Mrr_is_read_from_its_trait_with_the_currency()
    {
        var state = Definitions.Evaluate(Account(1, ("stripe.mrr", "1249.50")));

        state.Mrr.ShouldBe(1249.50m);
        state.Currency.ShouldBe("EUR");
        state.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_non_numeric_mrr_trait_is_a_problem_of_that_account_and_no_value()
    {
        var state = Definitions.Evaluate(Account(1, ("stripe.mrr", "call us")));

        state.Mrr.ShouldBeNull();
        state.Problems.ShouldBe([new ModelProblem("MRR", "trait stripe.mrr is \"call us\", not a number")]);
    }

    [Fact]
    public void An_absent_mrr_trait_is_no_value_and_no_problem()
    {
        var state = Definitions.Evaluate(Account());

        state.Mrr.ShouldBeNull();
        state.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_owner_is_the_user_the_trait_names() =>
        Definitions.Evaluate(Account(1, ("intercom.owner_id", "u2"))).OwnerUserId.ShouldBe("u2");

    [Fact]
    public void An_owner_set_by_hand_wins_over_the_trait()
    {
        var account = new AccountInputs(new Accounts.AccountId(1)) { UserIds = ["u1", "u2"], ManualOwnerUserId = "u1", Traits = { ["intercom.owner_id"] = "u2" } };

        Definitions.Evaluate(account).OwnerUserId.ShouldBe("u1");
    }

    [Fact]
    public void An_owner_who_is_not_a_user_of_the_account_is_reported_not_set()
    {
        var state = Definitions.Evaluate(Account(1, ("intercom.owner_id", "stranger")));

        state.OwnerUserId.ShouldBeNull();
        state.Problems.ShouldBe([new ModelProblem("Account owner", "user stranger is not a user of this account")]);
    }
}
