using Rapport.Hub.Accounts;
using Rapport.Hub.Model;
using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Model;

/// <summary>A catalog, a clock reading and accounts shaped like the hub's, for the model specs.</summary>
internal static class Models
{
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 15, 0, 0, TimeSpan.Zero);

    public static ModelCatalog Catalog { get; } = new(
        ["name", "plan", "created_at"],
        ["stripe.mrr", "stripe.trial_ends_at", "stripe.churned_at", "stripe.seats", "intercom.owner_id", "intercom.monthly_spend", "api.nps"],
        ["login", "slack_connected", "slack_disconnected", "report_created", "order.completed"]);

    public static AccountModel Build(ModelDefinitions definitions)
    {
        var result = AccountModel.Create(definitions, Catalog);
        result.Problems.ShouldBeEmpty();
        return result.Model!;
    }

    public static AccountState Evaluate(this ModelDefinitions definitions, AccountInputs account, AccountState? previous = null, DateTimeOffset? at = null) =>
        Build(definitions).Evaluate(account, previous, at ?? Now);

    public static AccountInputs Account(long id = 1, params (string Trait, FieldValue Value)[] traits)
    {
        var account = new AccountInputs(new AccountId(id)) { UserIds = ["u1", "u2", "u3"] };
        foreach (var (trait, value) in traits)
        {
            account.Traits[trait] = value;
        }

        return account;
    }

    public static AccountEvent Event(string name, string user, double daysAgo) => new(name, user, Now.AddDays(-daysAgo));

    public static IReadOnlyList<ModelProblem> Problems(ModelDefinitions definitions)
    {
        var result = AccountModel.Create(definitions, Catalog);
        result.Model.ShouldBeNull();
        return result.Problems;
    }
}
