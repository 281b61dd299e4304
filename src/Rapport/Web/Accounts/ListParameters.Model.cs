using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Rapport.Hub.Storage.Browse;

namespace Rapport.Web.Accounts;

/// <summary>The accounts list by the account model's values (Settings → Metrics).</summary>
public sealed partial class ListParameters
{
    private static readonly string[] ModelTypes = ["subscribed", "trial", "unqualified_trial", "churned"];

    [FromQuery(Name = "type"), Description("Accounts only: the account model's type: subscribed, trial, unqualified_trial or churned.")]
    public string? Type { get; set; }

    [FromQuery(Name = "owner"), Description("Accounts only: the account owner's user id.")]
    public string? Owner { get; set; }

    [FromQuery(Name = "member_of"), Description("Accounts only: member of this account model segment (any case); segment= is Intercom's segments.")]
    public string? MemberOf { get; set; }

    [FromQuery(Name = "indicator"), Description("Accounts only: this risk or opportunity indicator is active.")]
    public string? Indicator { get; set; }

    [FromQuery(Name = "value"), Description("Accounts only, repeatable, all must hold: a model value compared with a number, e.g. mrr >= 100, health < 5, metric:Weekly logins >= 3, element:Seats > 0, health_score:Engagement <= 5. Accounts without the value never match.")]
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

    private (AccountQuery? Query, ListProblem? Problem) ReadModelFilters(AccountQuery query)
    {
        var type = Empty(Type)?.ToLowerInvariant();
        if (type is not null && !ModelTypes.Contains(type))
            return (null, new("type", $"'{Type}' is not a type: {string.Join(", ", ModelTypes)}."));
        var filters = new List<ModelValueFilter>();
        foreach (var text in (Value ?? []).Select(Empty).OfType<string>())
        {
            if (!ModelValueFilter.TryParse(text, out var filter, out var problem))
                return (null, new("value", problem));
            filters.Add(filter!);
        }

        return (query with { ModelType = type, Owner = Empty(Owner), MemberOf = Empty(MemberOf), Indicator = Empty(Indicator), Values = filters }, null);
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
