using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

public sealed class ValidationSpecs
{
    private static readonly DateOnly Created = new(2025, 1, 1);

    [Fact]
    public void Unknown_fields_traits_and_events_are_each_named_with_their_definition()
    {
        var problems = Problems(new ModelDefinitions
        {
            Mrr = new MrrDefinition("stripe.arr", "USD"),
            Elements = [new ElementDefinition { Name = "Slack", Add = ["slack_installed"] }],
            Metrics = [new MetricDefinition { Name = "Logins", Numerator = new() { Events = "signin" }, CreatedAt = Created }],
            Indicators = [new IndicatorDefinition("Quiet", IndicatorKind.Risk, "region = EU and events.logout.7d = 0")],
        });

        problems.ShouldBe(
        [
            new ModelProblem("MRR", "unknown trait stripe.arr"),
            new ModelProblem("Element 'Slack'", "unknown event 'slack_installed'"),
            new ModelProblem("Metric 'Logins'", "unknown event 'signin'"),
            new ModelProblem("Indicator 'Quiet'", "the rule refers to an unknown field 'region' (region)"),
            new ModelProblem("Indicator 'Quiet'", "the rule refers to an unknown event 'logout' (events.logout.7d)"),
        ]);
    }

    [Fact]
    public void Rules_naming_definitions_that_do_not_exist_are_reported() =>
        Problems(new ModelDefinitions
        {
            Segments = [new SegmentDefinition { Name = "Healthy", Rule = "health.Adoption > 7 or metrics.Usage > 1 or indicators contains Risky" }],
        }).ShouldBe(
        [
            new ModelProblem("Segment 'Healthy'", "the rule refers to an unknown health score 'Adoption' (health.Adoption)"),
            new ModelProblem("Segment 'Healthy'", "the rule refers to an unknown metric 'Usage' (metrics.Usage)"),
            new ModelProblem("Segment 'Healthy'", "the rule: 'indicators contains Risky': indicators has no indicator 'Risky'"),
        ]);

    [Fact]
    public void Ill_typed_conditions_are_reported()
    {
        var problems = Problems(new ModelDefinitions
        {
            Metrics = [new MetricDefinition { Name = "Logins", Numerator = new() { Events = "login" }, CreatedAt = Created }],
            Indicators = [new IndicatorDefinition("Odd", IndicatorKind.Risk, "metrics.Logins contains 3 or tags > 2 or mrr = lots")],
            Segments = [new SegmentDefinition { Name = "Lost", Rule = "type = cancelled" }],
        });

        problems.ShouldBe(
        [
            new ModelProblem("Indicator 'Odd'", "the rule: 'metrics.Logins contains 3': metrics.Logins is a number; 'contains' tests text and lists"),
            new ModelProblem("Indicator 'Odd'", "the rule: 'tags > 2': tags is a list; use 'contains' or 'in'"),
            new ModelProblem("Indicator 'Odd'", "the rule: 'mrr = lots': mrr is a number, compared with \"lots\""),
            new ModelProblem("Segment 'Lost'", "the rule: 'type = cancelled': type is one of subscribed, trial, unqualified_trial, churned, never \"cancelled\""),
        ]);
    }

    [Fact]
    public void A_churn_rule_that_reads_the_type_is_a_cycle() =>
        Problems(new ModelDefinitions { Type = new TypeDefinition { Churn = "type = trial and plan = cancelled" } })
            .ShouldBe([new ModelProblem("Type", "it depends on itself: Type → Type")]);

    [Fact]
    public void A_metric_on_an_indicator_defined_on_that_metric_is_a_cycle()
    {
        var problems = Problems(new ModelDefinitions
        {
            Metrics = [new MetricDefinition { Name = "Logins", Numerator = new() { Events = "login" }, CreatedAt = Created, Where = "\"indicators.Churn Risk\" = false" }],
            Indicators = [new IndicatorDefinition("Churn Risk", IndicatorKind.Risk, "metrics.Logins < 3")],
        });

        problems.ShouldBe([new ModelProblem("Metric 'Logins'", "it depends on itself: Metric 'Logins' → Indicator 'Churn Risk' → Metric 'Logins'")]);
    }

    [Fact]
    public void Duplicate_names_and_incomplete_definitions_are_all_listed()
    {
        var problems = Problems(new ModelDefinitions
        {
            Mrr = new MrrDefinition("intercom.monthly_spend", "dollars"),
            Elements = [new ElementDefinition { Name = "Seats" }],
            Metrics =
            [
                new MetricDefinition { Name = "Seats", Numerator = new() { Trait = "stripe.seats" }, CreatedAt = Created },
                new MetricDefinition { Name = "seats", Numerator = new() { Events = "login", Users = "login" }, WindowDays = 0 },
            ],
            Segments = [new SegmentDefinition { Name = "VIP", Include = [3], Exclude = [3] }],
            HealthScores = [new HealthScoreDefinition { Name = "Usage", Conditions = [new HealthCondition { Name = "Logins", Healthy = "plan = (" }] }],
        });

        problems.Select(p => p.ToString()).ShouldBe(
        [
            "Metric 'Seats': the name is used 2 times; names must be unique",
            "Metric 'Seats': element 'Seats' would be pushed to the same Intercom attribute, 'Seats' after the prefix, one value overwriting the other; rename one",
            "MRR: intercom.monthly_spend is where Rapport pushes MRR; read MRR from the trait it comes from",
            "MRR: currency 'dollars' is not a three-letter ISO 4217 code such as USD",
            "Element 'Seats': it needs the events that add one ('add') or a trait that holds the count",
            "Metric 'seats': the numerator needs exactly one of events, users, trait or field",
            "Metric 'seats': a window of 0 days; it must be at least 1",
            "Metric 'seats': it needs the date it was created (createdAt), from which it counts",
            "Segment 'VIP': account 3 is both included and excluded",
            "Health score 'Usage': say what a condition with a missing input counts as (whenMissing: skip, poor, concerning or healthy)",
            "Health score 'Usage': the condition 'Logins': healthy rule does not parse: rule: unexpected '(' at column 8; expected a value",
        ]);
    }
}
