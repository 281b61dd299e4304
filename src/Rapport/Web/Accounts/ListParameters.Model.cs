using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Accounts;

/// <summary>The account and user lists by the account model's values (Settings → Metrics).</summary>
public sealed partial class ListParameters
{
    private static readonly string[] ModelTypes = ["subscribed", "trial", "unqualified_trial", "churned"];

    [FromQuery(Name = "type"), Description("The account model's type: subscribed, trial, unqualified_trial or churned. Users: of an account of that type.")]
    public string? Type { get; set; }

    [FromQuery(Name = "owner"), Description("The account owner's user id. Users: of an account with that owner.")]
    public string? Owner { get; set; }

    [FromQuery(Name = "member_of"), Description("Member of this account model segment (any case); segment= is Intercom's segments. Users: of an account in it.")]
    public string? MemberOf { get; set; }

    [FromQuery(Name = "indicator"), Description("This risk or opportunity indicator is active. Users: of an account where it is.")]
    public string? Indicator { get; set; }

    [FromQuery(Name = "value"), Description("Repeatable, all must hold: a model value compared with a number, e.g. mrr >= 100, health < 5, metric:Weekly logins >= 3, element:Seats > 0, health_score:Engagement <= 5. Accounts without the value never match. Users: of an account where all hold.")]
    public string[]? Value { get; set; }

    /// <summary>
    /// The account sorts: the fixed columns, or a model value <c>metric:Name</c>, <c>element:Name</c>,
    /// <c>health_score:Name</c> (accounts without it sort as the lowest).
    /// </summary>
    private static (AccountSort Sort, ModelValue? Value, ListProblem? Problem) ReadAccountSort(string sortName)
    {
        if (AccountSorts.TryGetValue(sortName, out var sort))
            return (sort, null, null);
        if (!sortName.Contains(':', StringComparison.Ordinal))
            return (AccountSort.Name, null, new("sort", $"'{sortName}' is not a sort: {string.Join(", ", AccountSorts.Keys)}, or metric:Name, element:Name, health_score:Name."));
        return ModelValue.TryParse(sortName, out var value, out var problem) && value!.Kind is not null
            ? (AccountSort.Value, value, null)
            : (AccountSort.Name, null, new("sort", problem.Length > 0 ? problem : $"'{sortName}' is not a sort: sort by mrr or health by name."));
    }

    /// <summary>The filters on an account's plan and model values; on the users list they pick the users of such an account.</summary>
    private (AccountMatch Match, ListProblem? Problem) ReadAccountMatch()
    {
        var type = Empty(Type)?.ToLowerInvariant();
        if (type is not null && !ModelTypes.Contains(type))
            return (new(), new("type", $"'{Type}' is not a type: {string.Join(", ", ModelTypes)}."));
        var filters = new List<ModelValueFilter>();
        foreach (var text in (Value ?? []).Select(Empty).OfType<string>())
        {
            if (!ModelValueFilter.TryParse(text, out var filter, out var problem))
                return (new(), new("value", problem));
            filters.Add(filter!);
        }

        return (new AccountMatch
        {
            Plan = Empty(Plan),
            ModelType = type,
            Owner = Empty(Owner),
            MemberOf = Empty(MemberOf),
            Indicator = Empty(Indicator),
            Values = filters,
        }, null);
    }

    private void AddModel(Action<string, string?> add)
    {
        add("type", Type);
        add("owner", Owner);
        add("member_of", MemberOf);
        add("indicator", Indicator);
        foreach (var value in Value ?? [])
            add("value", value);
    }

    private static string[]? Values(StringValues values) => values.Count == 0 ? null : [.. values.OfType<string>()];
}
