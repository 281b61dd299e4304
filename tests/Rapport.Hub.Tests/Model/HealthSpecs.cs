using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

public sealed class HealthSpecs
{
    private static HealthScoreDefinition Engagement(MissingInputs whenMissing) => new()
    {
        Name = "Engagement",
        Weight = 2,
        WhenMissing = whenMissing,
        Conditions =
        [
            new HealthCondition { Name = "Recently seen", Weight = 2, Healthy = "days_since_last_seen <= 7", Concerning = "days_since_last_seen <= 30" },
            new HealthCondition { Name = "Promoter", Weight = 1, Healthy = "traits.api.nps >= 9", Concerning = "traits.api.nps >= 7" },
        ],
    };

    private static readonly HealthScoreDefinition Adoption = new()
    {
        Name = "Adoption",
        WhenMissing = MissingInputs.Poor,
        Conditions = [new HealthCondition { Name = "Seats", Healthy = "traits.stripe.seats >= 10" }],
    };

    private static AccountInputs Account(double seenDaysAgo, decimal? nps, int seats)
    {
        var account = new AccountInputs(new Accounts.AccountId(1)) { LastSeenAt = Now.AddDays(-seenDaysAgo), Traits = { ["stripe.seats"] = seats } };
        if (nps is { } score)
        {
            account.Traits["api.nps"] = score;
        }

        return account;
    }

    [Fact]
    public void Each_condition_is_graded_ten_five_or_zero_and_weighted()
    {
        // Recently seen: concerning (5) × 2; promoter: healthy (10) × 1 → 20 / 3 = 6.67.
        var state = new ModelDefinitions { HealthScores = [Engagement(MissingInputs.Skip)] }.Evaluate(Account(10, 9, 3));

        state.Health["Engagement"].ShouldBe(6.67m);
    }

    [Fact]
    public void Overall_health_is_the_weighted_average_of_the_scores()
    {
        // Engagement: (10 × 2 + 5 × 1) / 3 = 8.33, weight 2; adoption: 0, weight 1 → (8.33 × 2 + 0) / 3 = 5.55.
        var state = new ModelDefinitions { HealthScores = [Engagement(MissingInputs.Skip), Adoption] }.Evaluate(Account(1, 7, 3));

        state.Health["Engagement"].ShouldBe(8.33m);
        state.Health["Adoption"].ShouldBe(0m);
        state.OverallHealth.ShouldBe(5.55m);
    }

    [Theory]
    [InlineData(MissingInputs.Skip, 10)] // only "Recently seen" counts: 10 × 2 / 2
    [InlineData(MissingInputs.Poor, 6.67)] // (10 × 2 + 0 × 1) / 3
    [InlineData(MissingInputs.Concerning, 8.33)] // (10 × 2 + 5 × 1) / 3
    [InlineData(MissingInputs.Healthy, 10)]
    public void A_condition_with_a_missing_input_counts_as_the_score_says(MissingInputs whenMissing, double expected)
    {
        var state = new ModelDefinitions { HealthScores = [Engagement(whenMissing)] }.Evaluate(Account(2, null, 3));

        state.Health["Engagement"].ShouldBe((decimal)expected);
    }

    [Fact]
    public void A_score_whose_every_input_is_missing_has_no_value_and_leaves_the_overall_to_the_others()
    {
        var neverSeen = new AccountInputs(new Accounts.AccountId(1)) { Traits = { ["stripe.seats"] = 12 } };

        var state = new ModelDefinitions { HealthScores = [Engagement(MissingInputs.Skip), Adoption] }.Evaluate(neverSeen);

        state.Health["Engagement"].ShouldBeNull();
        state.OverallHealth.ShouldBe(10m);
    }

    [Fact]
    public void No_scores_means_no_overall_health() =>
        new ModelDefinitions().Evaluate(Account(1, 9, 1)).OverallHealth.ShouldBeNull();
}
