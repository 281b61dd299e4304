using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

/// <summary>
/// Elements and metrics are pushed onto Intercom companies as the prefix plus their name in start case; a document in
/// which two of them, or one and a fixed attribute, land on one attribute name is refused before it is saved.
/// </summary>
public sealed class PushedNameSpecs
{
    private static readonly DateOnly Created = new(2025, 1, 1);

    private static ElementDefinition Element(string name) => new() { Name = name, Add = ["login"] };

    private static MetricDefinition Metric(string name) => new() { Name = name, Numerator = new() { Events = "login" }, CreatedAt = Created };

    private static IEnumerable<string> Listed(ModelDefinitions definitions) => Problems(definitions).Select(p => p.ToString());

    [Fact]
    public void An_element_and_a_metric_that_start_case_to_one_name_are_refused_naming_both_and_the_attribute() =>
        Listed(new ModelDefinitions { Elements = [Element("slack_integration")], Metrics = [Metric("Slack Integration")] }).ShouldBe(
        [
            "Metric 'Slack Integration': element 'slack_integration' would be pushed to the same Intercom attribute, 'Slack Integration' after the prefix, one value overwriting the other; rename one",
        ]);

    [Fact]
    public void Two_elements_that_start_case_to_one_name_are_refused() =>
        Listed(new ModelDefinitions { Elements = [Element("slackIntegration"), Element("slack-integration")] }).ShouldBe(
        [
            "Element 'slack-integration': element 'slackIntegration' would be pushed to the same Intercom attribute, 'Slack Integration' after the prefix, one value overwriting the other; rename one",
        ]);

    [Fact]
    public void Names_differing_only_in_case_after_start_case_are_one_attribute() =>
        Listed(new ModelDefinitions { Elements = [Element("API keys")], Metrics = [Metric("api_keys")] }).ShouldBe(
        [
            "Metric 'api_keys': element 'API keys' would be pushed to the same Intercom attribute, 'API Keys' after the prefix ('Api Keys' differs only in case), one value overwriting the other; rename one",
        ]);

    [Fact]
    public void The_same_name_for_an_element_and_a_metric_is_one_attribute() =>
        Listed(new ModelDefinitions { Elements = [Element("Seats")], Metrics = [Metric("seats")] }).ShouldBe(
        [
            "Metric 'seats': element 'Seats' would be pushed to the same Intercom attribute, 'Seats' after the prefix, one value overwriting the other; rename one",
        ]);

    [Fact]
    public void A_name_the_push_uses_for_a_fixed_attribute_is_refused_saying_what_that_attribute_holds() =>
        Listed(new ModelDefinitions
        {
            Elements = [Element("Type"), Element("active_risk_indicators")],
            Metrics = [Metric("health"), Metric("SEGMENTS")],
        }).ShouldBe(
        [
            "Element 'Type': it would be pushed to Intercom as 'Type' after the prefix, the attribute that holds the account's type; rename it",
            "Element 'active_risk_indicators': it would be pushed to Intercom as 'Active Risk Indicators' after the prefix, the attribute that holds the active risk indicators; rename it",
            "Metric 'health': it would be pushed to Intercom as 'Health' after the prefix, the attribute that holds the overall health; rename it",
            "Metric 'SEGMENTS': it would be pushed to Intercom as 'SEGMENTS' after the prefix, the attribute that holds the account's segments; rename it",
        ]);

    [Theory]
    [InlineData("Slack Integration 2", "Slack Integration")]
    [InlineData("Slack Integrations", "Slack Integration")]
    [InlineData("Slack_Integration_v2", "slack integration")]
    [InlineData("Type of plan", "Health check")]
    [InlineData("Account Owner", "Segment count")] // the owner flag is a contact attribute, apart from companies' in Intercom
    public void Names_that_differ_after_start_case_are_accepted(string element, string metric) =>
        AccountModel.Create(new ModelDefinitions { Elements = [Element(element)], Metrics = [Metric(metric)] }, Catalog).Problems.ShouldBeEmpty();

    [Fact]
    public void Indicators_segments_and_health_scores_are_not_attributes_of_their_own_and_may_share_a_name_with_a_metric() =>
        AccountModel.Create(new ModelDefinitions
        {
            Metrics = [Metric("Logins")],
            Indicators = [new IndicatorDefinition("logins", IndicatorKind.Risk, "metrics.Logins < 1")],
            Segments = [new SegmentDefinition { Name = "Type", Rule = "metrics.Logins > 1" }],
            HealthScores = [new HealthScoreDefinition { Name = "Health", WhenMissing = MissingInputs.Skip, Conditions = [new HealthCondition { Name = "Logins", Healthy = "metrics.Logins > 1" }] }],
        }, Catalog).Problems.ShouldBeEmpty();

    [Fact]
    public void Definitions_in_force_saved_before_the_rule_are_still_loaded_while_saving_them_again_is_refused()
    {
        var json = AccountModel.ToJson(new ModelDefinitions { Elements = [Element("slack_integration")], Metrics = [Metric("Slack Integration")] });

        var inForce = AccountModel.LoadSaved(json, Catalog);
        var again = AccountModel.Load(json, Catalog);

        inForce.Problems.ShouldBeEmpty();
        inForce.Model.ShouldNotBeNull().Definitions.Metrics.ShouldHaveSingleItem().Name.ShouldBe("Slack Integration");
        again.Model.ShouldBeNull();
        again.Problems.ShouldHaveSingleItem().Definition.ShouldBe("Metric 'Slack Integration'");
    }
}
