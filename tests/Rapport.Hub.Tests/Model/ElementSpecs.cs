using Rapport.Hub.Model;
using static Rapport.Hub.Tests.Model.Models;

namespace Rapport.Hub.Tests.Model;

public sealed class ElementSpecs
{
    private static readonly ModelDefinitions Slack = new()
    {
        Elements =
        [
            new ElementDefinition { Name = "Slack Integration", Add = ["slack_connected"], Remove = ["slack_disconnected"] },
            new ElementDefinition { Name = "Seats", Trait = "stripe.seats" },
        ],
    };

    [Fact]
    public void Each_add_event_counts_one_and_each_remove_event_takes_one_away()
    {
        var account = new AccountInputs(new Accounts.AccountId(1))
        {
            Events = [Event("slack_connected", "u1", 9), Event("slack_connected", "u2", 8), Event("slack_disconnected", "u1", 7)],
        };

        Slack.Evaluate(account).Elements["Slack Integration"].ShouldBe(1);
    }

    [Fact]
    public void An_element_removed_more_times_than_added_stays_at_zero_and_counts_a_later_add()
    {
        var account = new AccountInputs(new Accounts.AccountId(1))
        {
            Events =
            [
                Event("slack_connected", "u1", 9),
                Event("slack_disconnected", "u1", 8),
                Event("slack_disconnected", "u1", 7),
                Event("slack_disconnected", "u2", 6),
            ],
        };

        Slack.Evaluate(account).Elements["Slack Integration"].ShouldBe(0);

        account = new AccountInputs(account.Id) { Events = [.. account.Events, Event("slack_connected", "u2", 1)] };
        Slack.Evaluate(account).Elements["Slack Integration"].ShouldBe(1);
    }

    [Fact]
    public void A_trait_element_is_the_whole_number_the_trait_holds_and_never_negative()
    {
        Slack.Evaluate(Account(1, ("stripe.seats", "12.7"))).Elements["Seats"].ShouldBe(12);
        Slack.Evaluate(Account(1, ("stripe.seats", -3))).Elements["Seats"].ShouldBe(0);
        Slack.Evaluate(Account()).Elements["Seats"].ShouldBe(0);
    }

    [Fact]
    public void Rules_read_element_counts()
    {
        var definitions = Slack with { Segments = [new SegmentDefinition { Name = "Big teams", Rule = "elements.Seats >= 10" }] };

        definitions.Evaluate(Account(1, ("stripe.seats", 10))).Segments.ShouldBe(["Big teams"]);
        definitions.Evaluate(Account(1, ("stripe.seats", 9))).Segments.ShouldBeEmpty();
    }
}
