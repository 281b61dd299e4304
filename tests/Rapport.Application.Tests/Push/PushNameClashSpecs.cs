using Rapport.Application.Model;

namespace Rapport.Application.Tests.Push;

/// <summary>
/// Definitions that would push two values onto one Intercom attribute are refused when saved; a hub that saved such
/// definitions before the rule keeps computing them, and its push writes one value and reports the other.
/// </summary>
public sealed class PushNameClashSpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Clashing =
        """
        {
          "elements": [ { "name": "slack_integration", "trait": "intercom.slack_channels" } ],
          "metrics": [ { "name": "Slack Integration", "numerator": { "field": "user_count" }, "createdAt": "2025-01-01" } ]
        }
        """;

    [Fact]
    public async Task Definitions_saved_before_the_rule_are_still_computed_and_the_push_writes_one_value_and_reports_the_other()
    {
        await using var hub = await PushHarness.StartAsync(
            workspace => workspace.UpdateCompany(workspace.FindCompanyByCompanyId("acme")!.Id, c => c.CustomAttributes["slack_channels"] = 3L), "acme");
        var model = hub.Store.Create<AccountModelService>(TimeProvider.System);
        var refused = await model.SaveAsync(Clashing, "admin@example.com", Ct);
        await hub.Store.Model.SaveModelDefinitionsAsync(Clashing, "a version without the rule", Ct);

        var computed = await model.RecomputeAllAsync(Ct);
        var report = await hub.PushAsync();

        refused.Succeeded.ShouldBeFalse();
        refused.Problems.ShouldHaveSingleItem().ToString().ShouldBe(
            "Metric 'Slack Integration': element 'slack_integration' would be pushed to the same Intercom attribute, 'Slack Integration' after the prefix, one value overwriting the other; rename one");
        computed.ShouldBe(1, "the definitions in force are computed all the same");
        hub.Company("acme").CustomAttributes["Rapport Slack Integration"].ShouldBe(3L, "the element comes first and keeps the attribute");
        report.Problems.ShouldContain("Metric 'Slack Integration' is not pushed: its attribute name 'Rapport Slack Integration' is already used by another field.");
        hub.NothingCreated();
    }

    [Fact]
    public async Task Names_equal_but_for_case_are_one_attribute_and_the_second_is_left_out_and_reported()
    {
        await using var hub = await PushHarness.StartAsync("acme");
        await hub.StateAsync("acme", s => PushHarness.WithMetric(s, "SLACK_INTEGRATION", 9m));

        var report = await hub.PushAsync();

        hub.Company("acme").CustomAttributes["Rapport Slack Integration"].ShouldBe(1L);
        hub.Company("acme").CustomAttributes.ShouldNotContainKey("Rapport SLACK INTEGRATION");
        report.Problems.ShouldContain("Metric 'SLACK_INTEGRATION' is not pushed: its attribute name 'Rapport SLACK INTEGRATION' is already used by another field.");
        hub.NothingCreated();
    }
}
