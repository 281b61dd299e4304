using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

public sealed class RenameSpecs
{
    private static readonly DateOnly Created = new(2025, 1, 1);

    private static MetricDefinition Metric(string name, params string[] renamedFrom) =>
        new() { Name = name, Numerator = new() { Events = "login" }, CreatedAt = Created, RenamedFrom = renamedFrom.Length == 0 ? null : renamedFrom };

    [Fact]
    public void RenamedFrom_naming_a_definition_still_present_is_a_problem_naming_both() =>
        Problems(new ModelDefinitions
        {
            Metrics = [Metric("Logins"), Metric("Weekly logins", "logins")],
            Segments = [new SegmentDefinition { Name = "VIP", Rule = "plan = Pro", RenamedFrom = ["VIP"] }],
        }).ShouldBe(
        [
            new ModelProblem("Metric 'Weekly logins'", "renamedFrom names 'logins', but Metric 'logins' is still defined; remove it, or drop 'logins' from renamedFrom"),
            new ModelProblem("Segment 'VIP'", "renamedFrom names 'VIP', its own name"),
        ]);

    [Fact]
    public void Two_definitions_cannot_both_be_renamed_from_one_name_but_other_kinds_may_share_it() =>
        Problems(new ModelDefinitions
        {
            Metrics = [Metric("Weekly logins", "Logins"), Metric("Daily logins", "Logins")],
            Elements = [new ElementDefinition { Name = "Seats", Trait = "stripe.seats", RenamedFrom = ["Logins"] }],
        }).ShouldBe([new ModelProblem("Metric 'Daily logins'", "renamedFrom names 'Logins', which Metric 'Weekly logins' was renamed from already")]);

    [Fact]
    public void A_saved_version_retires_the_names_it_dropped_as_renamed_or_deleted()
    {
        var previous = ModelDefinitions.TryRead(
            """
            { "metrics": [ { "name": "Logins", "numerator": { "events": "login" }, "createdAt": "2025-01-01" },
                           { "name": "Reports", "numerator": { "events": "report_created" }, "createdAt": "2025-01-01" } ],
              "segments": [ { "name": "VIP", "include": [1] } ],
              "healthScores": [ { "name": "Usage", "whenMissing": "skip", "conditions": [ { "name": "c", "healthy": "plan = Pro" } ] } ] }
            """).ShouldNotBeNull();
        var next = ModelDefinitions.TryRead(
            """
            { "metrics": [ { "name": "Weekly logins", "renamedFrom": ["logins"], "numerator": { "events": "login" }, "createdAt": "2025-01-01" } ],
              "segments": [ { "name": "vip", "include": [1] } ],
              "healthScores": [ { "name": "Adoption", "renamedFrom": ["Usage"], "whenMissing": "skip", "conditions": [ { "name": "c", "healthy": "plan = Pro" } ] } ] }
            """).ShouldNotBeNull();

        DefinitionRetirement.Between(previous, next).ShouldBe(
        [
            new DefinitionRetirement(DefinitionKind.Metric, "Logins", "Weekly logins"),
            new DefinitionRetirement(DefinitionKind.Metric, "Reports", null),
            new DefinitionRetirement(DefinitionKind.HealthScore, "Usage", "Adoption"),
        ]);
        DefinitionRetirement.Between(null, next).ShouldBeEmpty("a first version retires nothing");
        DefinitionRetirement.Between(next, next).ShouldBeEmpty("renamedFrom left in the document retires nothing again");
    }

    [Fact]
    public void History_follows_the_renames_saved_from_its_day_on_and_a_name_still_present_keeps_its_own_values()
    {
        var day = new DateOnly(2025, 3, 1);
        var renames = DefinitionRenames.Resolver(
        [
            new RetiredDefinition(DefinitionKind.Metric, "Logins", "Sign-ins", 2, Now.AddDays(-9)),
            new RetiredDefinition(DefinitionKind.Metric, "Sign-ins", "Weekly logins", 3, Now),
            new RetiredDefinition(DefinitionKind.Element, "Seats", "Licences", 2, Now.AddDays(-20)),
            new RetiredDefinition(DefinitionKind.Element, "Licences", "Seats", 4, Now),
        ]);

        renames(DefinitionKind.Metric, "logins", day).ShouldBe("Weekly logins", "renamed twice since");
        renames(DefinitionKind.Metric, "Logins", day.AddDays(5)).ShouldBe("Logins", "written after both renames: another definition's old days");
        renames(DefinitionKind.Segment, "Logins", day).ShouldBe("Logins", "renames stay within their kind");
        renames(DefinitionKind.Element, "Seats", day.AddDays(-30)).ShouldBe("Seats", "renamed away and back again");
        var values = new AccountHistoryDay(
            day, 5m, null, "trial", new Dictionary<string, decimal?>(),
            new Dictionary<string, decimal?> { ["Logins"] = 4m, ["Weekly logins"] = 9m }, new Dictionary<string, long> { ["Licences"] = 2 });
        var followed = values.FollowRenames((kind, name) => renames(kind, name, day));
        followed.Metrics.ShouldBe(new Dictionary<string, decimal?> { ["Weekly logins"] = 9m });
        followed.Elements.ShouldBe(new Dictionary<string, long> { ["Seats"] = 2 });
    }
}
