using Rapport.Hub.Accounts;
using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

public sealed class MetricSpecs
{
    private static readonly DateOnly LongAgo = new(2024, 1, 1);

    private static readonly AccountInputs Busy = new(new AccountId(1))
    {
        Traits = { ["stripe.seats"] = 4, ["api.nps"] = "n/a" },
        Events =
        [
            Event("login", "u1", 1), Event("login", "u1", 2), Event("login", "u2", 3),
            Event("login", "u3", 10), Event("login", "u3", 40), Event("report_created", "u2", 5),
        ],
    };

    private static decimal? Value(MetricDefinition metric, AccountInputs? account = null) =>
        new ModelDefinitions { Metrics = [metric] }.Evaluate(account ?? Busy).Metrics[metric.Name];

    [Fact]
    public void An_event_count_counts_the_rolling_window() =>
        Value(new MetricDefinition { Name = "Logins", Numerator = new() { Events = "login" }, WindowDays = 7, CreatedAt = LongAgo })
            .ShouldBe(3);

    [Fact]
    public void Distinct_users_count_each_user_once() =>
        Value(new MetricDefinition { Name = "Active users", Numerator = new() { Users = "login" }, WindowDays = 30, CreatedAt = LongAgo })
            .ShouldBe(3);

    [Fact]
    public void A_ratio_divides_the_numerator_by_the_denominator() =>
        // 2 distinct users logged in over the last 7 days, out of 4 seats.
        Value(new MetricDefinition
        {
            Name = "Seat usage",
            Numerator = new() { Users = "login" },
            Denominator = new() { Trait = "stripe.seats" },
            WindowDays = 7,
            CreatedAt = LongAgo,
        }).ShouldBe(0.5m);

    [Fact]
    public void A_zero_denominator_gives_no_value_rather_than_infinity()
    {
        var metric = new MetricDefinition
        {
            Name = "Logins per report",
            Numerator = new() { Events = "login" },
            Denominator = new() { Events = "report_created" },
            WindowDays = 3,
            CreatedAt = LongAgo,
        };

        Value(metric).ShouldBeNull();
        Value(metric with { WindowDays = 7 }).ShouldBe(3m); // 3 logins over 1 report
    }

    [Fact]
    public void A_metric_counts_only_from_the_day_it_was_created()
    {
        var metric = new MetricDefinition { Name = "Logins", Numerator = new() { Events = "login" }, WindowDays = 90, CreatedAt = new DateOnly(2025, 3, 5) };

        Value(metric).ShouldBe(3);
        Value(metric with { CreatedAt = new DateOnly(2025, 3, 11) }).ShouldBeNull();
    }

    [Fact]
    public void A_non_numeric_trait_gives_no_value_and_says_why()
    {
        var metric = new MetricDefinition { Name = "NPS", Numerator = new() { Trait = "api.nps" }, CreatedAt = LongAgo };

        var state = new ModelDefinitions { Metrics = [metric] }.Evaluate(Busy);

        state.Metrics["NPS"].ShouldBeNull();
        state.Problems.ShouldBe([new ModelProblem("Metric 'NPS'", "trait api.nps is \"n/a\", not a number")]);
    }

    [Fact]
    public void A_metric_with_a_where_rule_has_no_value_for_accounts_it_does_not_match()
    {
        var metric = new MetricDefinition { Name = "Logins", Numerator = new() { Events = "login" }, CreatedAt = LongAgo, Where = "plan = Pro" };

        var pro = new AccountInputs(Busy.Id) { Fields = { ["plan"] = "Pro" }, Events = Busy.Events };

        Value(metric).ShouldBeNull();
        Value(metric, pro).ShouldBe(5);
    }

    [Theory]
    [InlineData("metrics.Logins >= 3", true)]
    [InlineData("events.login.7d = 3", true)]
    [InlineData("events.login = 5", true)]
    [InlineData("events.login.2d < 2", false)]
    [InlineData("days_since_last_event = 1", true)]
    [InlineData("days_since_last_event.report_created > 4", true)]
    public void Rules_read_metric_values_and_event_counts_over_a_window(string rule, bool expected)
    {
        var definitions = new ModelDefinitions
        {
            Metrics = [new MetricDefinition { Name = "Logins", Numerator = new() { Events = "login" }, WindowDays = 7, CreatedAt = LongAgo }],
            Segments = [new SegmentDefinition { Name = "Matched", Rule = rule }],
        };

        definitions.Evaluate(Busy).Segments.Contains("Matched").ShouldBe(expected);
    }
}
