using Rapport.Hub.Model;
using Rapport.Application.Model;

namespace Rapport.Application.Tests.Model;

/// <summary>A definitions document written as YAML means what its JSON twin means.</summary>
public sealed class ModelDocumentSpecs
{
    private static readonly ModelCatalog Catalog = new(
        ["plan", "name"], ["stripe.mrr", "stripe.trial_ends_at", "intercom.owner_id", "intercom.tier"], ["login", "slack_connected", "slack_disconnected"]);

    private const string Json =
        """
        {
          "mrr": { "trait": "stripe.mrr", "currency": "USD" },
          "type": { "trialEndTrait": "stripe.trial_ends_at" },
          "elements": [ { "name": "Slack", "add": ["slack_connected"], "remove": ["slack_disconnected"] } ],
          "metrics": [ { "name": "Weekly logins", "numerator": { "events": "login" }, "windowDays": 7, "createdAt": "2025-01-01" } ],
          "indicators": [ { "name": "Churn Risk", "kind": "risk", "rule": "\"metrics.Weekly logins\" < 2 and type = subscribed" } ],
          "segments": [
            { "name": "Gold", "rule": { "all": [ { "field": "custom_attributes.tier", "op": "=", "value": "gold" } ] }, "include": [7] },
            { "name": "Watch list" }
          ],
          "healthScores": [ { "name": "Engagement", "weight": 2.5, "whenMissing": "skip",
            "conditions": [ { "name": "Logins", "healthy": "\"metrics.Weekly logins\" >= 5", "concerning": "\"metrics.Weekly logins\" >= 2" } ] } ],
          "owner": { "trait": "intercom.owner_id" }
        }
        """;

    private const string Yaml =
        """
        # The same definitions, as a team would keep them in a repository.
        mrr: { trait: stripe.mrr, currency: USD }
        type:
          trialEndTrait: stripe.trial_ends_at
        elements:
          - name: Slack
            add: [slack_connected]
            remove: [slack_disconnected]
        metrics:
          - name: Weekly logins
            numerator: { events: login }
            windowDays: 7
            createdAt: 2025-01-01
        indicators:
          - name: Churn Risk
            kind: risk
            rule: '"metrics.Weekly logins" < 2 and type = subscribed'
        segments:
          - name: Gold
            rule:
              all:
                - { field: custom_attributes.tier, op: "=", value: gold }
            include: [7]
          - name: Watch list
        healthScores:
          - name: Engagement
            weight: 2.5
            whenMissing: skip
            conditions:
              - name: Logins
                healthy: '"metrics.Weekly logins" >= 5'
                concerning: '"metrics.Weekly logins" >= 2'
        owner:
          trait: intercom.owner_id
        """;

    private static ModelDefinitions Load(string text, ModelFormat? format = null)
    {
        var document = ModelDocument.Read(text, format);
        document.Problems.ShouldBeEmpty();
        var result = AccountModel.Load(document.Json!, Catalog);
        result.Problems.ShouldBeEmpty();
        return result.Model!.Definitions;
    }

    [Fact]
    public void A_yaml_file_and_its_json_twin_load_to_equal_definitions()
    {
        var fromYaml = Load(Yaml, ModelFormat.Yaml);
        var fromJson = Load(Json, ModelFormat.Json);

        AccountModel.ToJson(fromYaml).ShouldBe(AccountModel.ToJson(fromJson));
        fromYaml.Metrics.Single().CreatedAt.ShouldBe(new DateOnly(2025, 1, 1));
        fromYaml.HealthScores.Single().Weight.ShouldBe(2.5m);
        fromYaml.Segments[0].Include.ShouldBe([7L]);
    }

    [Fact]
    public void The_format_is_told_from_the_text_when_nothing_names_it()
    {
        ModelDocument.Detect(Json).ShouldBe(ModelFormat.Json);
        ModelDocument.Detect(Yaml).ShouldBe(ModelFormat.Yaml);
        AccountModel.ToJson(Load(Yaml)).ShouldBe(AccountModel.ToJson(Load(Json)));
    }

    [Theory]
    [InlineData(ModelFormat.Yaml)]
    [InlineData(ModelFormat.Json)]
    public void Exported_definitions_load_back_to_the_same_definitions(ModelFormat format)
    {
        var stored = AccountModel.ToJson(Load(Json));

        var exported = ModelDocument.Write(stored, format);

        AccountModel.ToJson(Load(exported, format)).ShouldBe(stored);
    }

    [Fact]
    public void Broken_yaml_is_one_problem_naming_its_line_and_column()
    {
        var document = ModelDocument.Read("metrics:\n  - name: Logins\n    windowDays: 7: 8\n", ModelFormat.Yaml);

        document.Json.ShouldBeNull();
        document.Problems.Single().Definition.ShouldStartWith("Document at line 3, column");
    }

    [Fact]
    public void A_misspelt_key_in_yaml_is_located_by_line_and_column()
    {
        var document = ModelDocument.Read("metrics:\n  - name: Logins\n    numerator: { events: login }\n    windowDay: 7\n    createdAt: 2025-01-01\n");
        var problems = document.Locate(AccountModel.Load(document.Json!, Catalog).Problems);

        problems.Single().Definition.ShouldBe("Document at line 4, column 16 ($.metrics[0].windowDay)");
        problems.Single().ToString().ShouldContain("windowDay");
    }
}
