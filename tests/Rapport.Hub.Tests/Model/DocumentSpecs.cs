using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

public sealed class DocumentSpecs
{
    private const string Document = """
        {
          // Versioned with the rest of our configuration.
          "mrr": { "trait": "stripe.mrr", "currency": "USD" },
          "type": { "trialEndTrait": "stripe.trial_ends_at", "trialQualification": "traits.stripe.seats >= 3" },
          "elements": [ { "name": "Slack Integration", "add": ["slack_connected"], "remove": ["slack_disconnected"] } ],
          "metrics": [ { "name": "Weekly logins", "numerator": { "events": "login" }, "windowDays": 7, "createdAt": "2025-01-01" } ],
          "indicators": [ { "name": "Unengaged customer", "kind": "risk", "rule": { "field": "metrics.Weekly logins", "op": "<", "value": 2 } } ],
          "segments": [ { "name": "Paying", "rule": "mrr > 0", "exclude": [42] } ],
          "healthScores": [ {
            "name": "Engagement", "whenMissing": "poor",
            "conditions": [ { "name": "Logins", "healthy": "\"metrics.Weekly logins\" >= 5", "concerning": "\"metrics.Weekly logins\" >= 1" } ]
          } ],
          "owner": { "trait": "intercom.owner_id" }
        }
        """;

    [Fact]
    public void A_json_document_loads_and_evaluates()
    {
        var loaded = AccountModel.Load(Document, Catalog);
        loaded.Problems.ShouldBeEmpty();
        var model = loaded.Model!;
        var account = new AccountInputs(new Accounts.AccountId(5))
        {
            UserIds = ["u1"],
            Traits = { ["stripe.mrr"] = 300, ["intercom.owner_id"] = "u1" },
            Events = [Event("login", "u1", 1), Event("slack_connected", "u1", 20)],
        };

        var state = model.Evaluate(account, null, Now);

        state.Mrr.ShouldBe(300m);
        state.Type.ShouldBe(AccountType.Subscribed);
        state.Elements["Slack Integration"].ShouldBe(1);
        state.Metrics["Weekly logins"].ShouldBe(1);
        state.ActiveIndicators.Single().Name.ShouldBe("Unengaged customer");
        state.Segments.ShouldBe(["Paying"]);
        state.Health["Engagement"].ShouldBe(5m);
        state.OverallHealth.ShouldBe(5m);
        state.OwnerUserId.ShouldBe("u1");
    }

    [Fact]
    public void A_written_document_reads_back_to_the_same_model()
    {
        var definitions = AccountModel.Load(Document, Catalog).Model!.Definitions;

        var again = AccountModel.Load(AccountModel.ToJson(definitions), Catalog).Model!.Definitions;

        AccountModel.ToJson(again).ShouldBe(AccountModel.ToJson(definitions));
        again.Indicators.Single().Rule.Condition.ShouldBe(definitions.Indicators.Single().Rule.Condition);
    }

    [Fact]
    public void A_misspelt_property_is_refused_with_its_place()
    {
        var result = AccountModel.Load("""{ "metrics": [ { "name": "Logins", "numerator": { "events": "login" }, "windowDay": 7 } ] }""", Catalog);

        result.Model.ShouldBeNull();
        result.Problems.Single().Definition.ShouldBe("Document at $.metrics[0].windowDay");
    }

    [Fact]
    public void A_document_with_bad_rules_lists_every_one_and_builds_nothing()
    {
        var result = AccountModel.Load("""
            { "indicators": [
                { "name": "A", "kind": "risk", "rule": "plan = " },
                { "name": "B", "kind": "opportunity", "rule": { "field": "plan" } } ] }
            """, Catalog);

        result.Model.ShouldBeNull();
        result.Problems.Select(p => p.Definition).ShouldBe(["Indicator 'A'", "Indicator 'B'"]);
    }
}
