using System.Globalization;
using Dapper;
using Rapport.Hub.Accounts;
using Rapport.Hub.Model;
using Rapport.Storage.Database;
using static Rapport.Storage.Database.HubDatabase;
using static Rapport.Storage.Sql.Keyset;

namespace Rapport.Storage.Accounts;

/// <summary>
/// The accounts list by the account model's values: type, MRR, health and owner from <c>account_states</c>' indexed
/// columns, segments, active indicators, elements, metrics and health scores from <c>account_values</c>; never from the
/// state's JSON.
/// </summary>
internal sealed partial class BrowseStore
{
    /// <summary>What an account without the value (not computed yet, a metric without a value) sorts as: below any value.</summary>
    private const string NoValue = "-1e18";

    private const string AccountsWithStates = "accounts a LEFT JOIN account_states st ON st.account_id = a.id";

    private const string HasValue = "EXISTS (SELECT 1 FROM account_values v WHERE v.account_id = a.id AND v.kind = @{0}Kind AND v.name = @{0}Name{1})";

    /// <summary>The account list's filters on the plan and the model's values, as one <see cref="AccountMatch"/>.</summary>
    private static AccountMatch MatchOf(AccountQuery query) => new()
    {
        Plan = query.Plan,
        ModelType = query.ModelType,
        Owner = query.Owner,
        MemberOf = query.MemberOf,
        Indicator = query.Indicator,
        Values = query.Values,
    };

    /// <summary>Conditions on the account <c>a</c> and its state <c>st</c> (<see cref="AccountsWithStates"/>), all of which must hold.</summary>
    private void AddAccountMatch(List<string> where, DynamicParameters parameters, AccountMatch match)
    {
        void Add(string condition, string name, object? value)
        {
            where.Add(condition);
            parameters.Add(name, value);
        }

        if (match.Plan is { } plan)
            Add("a.list_plan = @plan", "plan", plan);
        if (match.ModelType is { } type)
            Add("st.type = @modelType", "modelType", type);
        if (match.Owner is { } owner)
            Add("st.owner_user_id = @owner", "owner", owner);
        if (match.MemberOf is { } segment)
            AddNamed(where, parameters, "memberOf", DefinitionKind.Segment, segment, "");
        if (match.Indicator is { } indicator)
            AddNamed(where, parameters, "indicator", DefinitionKind.Indicator, indicator, "");

        for (var i = 0; i < match.Values.Count; i++)
        {
            var filter = match.Values[i];
            var parameter = "value" + i.ToString(CultureInfo.InvariantCulture);
            var number = (double)filter.Number;
            if (filter.Value == ModelValue.Mrr)
                Add($"{database.Dialect.MoneyNumber("st.mrr")} {filter.Operator} @{parameter}", parameter, database.Dialect.MoneyComparand(filter.Number));
            else if (filter.Value == ModelValue.Health)
                Add($"st.health {filter.Operator} @{parameter}", parameter, number);
            else
                AddNamed(where, parameters, parameter, filter.Value.Kind!.Value, filter.Value.Name, $" AND v.number {filter.Operator} @{parameter}", number);
        }
    }

    private static void AddNamed(List<string> where, DynamicParameters parameters, string parameter, DefinitionKind kind, string name, string condition, double? number = null)
    {
        where.Add(string.Format(CultureInfo.InvariantCulture, HasValue, parameter, condition));
        parameters.Add(parameter + "Kind", kind.ToName());
        parameters.Add(parameter + "Name", name.Trim().ToLowerInvariant());
        if (number is not null)
            parameters.Add(parameter, number);
    }

    /// <summary>The sort; sorting by an element, metric or score joins its one row per account in <c>account_values</c>.</summary>
    private SortColumn ModelSort(ref KeysetQuery keyset, AccountQuery query)
    {
        switch (query.Sort)
        {
            case AccountSort.Mrr:
                // A cursor's key must read back as the column's own type: REAL on SQLite, numeric on PostgreSQL.
                return new SortColumn(
                    PageCursor.SortName(AccountSort.Mrr),
                    $"coalesce({database.Dialect.MoneyNumber("st.mrr")}, {NoValue})", SortKind.Money);
            case AccountSort.Value:
                var value = query.SortValue is { Kind: not null } v ? v : throw new ArgumentException("Sorting by a value needs the element, metric or health score.", nameof(query));
                keyset = keyset with { From = $"{keyset.From} LEFT JOIN account_values sv ON sv.account_id = a.id AND sv.kind = @sortKind AND sv.name = @sortName" };
                keyset.Parameters.Add("sortKind", value.Kind!.Value.ToName());
                keyset.Parameters.Add("sortName", value.Name.Trim().ToLowerInvariant());
                return new SortColumn(value.CursorSort, $"coalesce(sv.number, {NoValue})", SortKind.Real);
            default:
                return AccountSorts[query.Sort];
        }
    }
}
