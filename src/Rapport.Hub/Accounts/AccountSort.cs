namespace Rapport.Hub.Accounts;

/// <summary>
/// The orders an account list offers. Plan, monthly spend, last seen and created come from the account's source record
/// (a qualified one first, then the smallest source and source id); user count is the hub users linked to it.
/// </summary>
public enum AccountSort
{
    Name,
    LastSeen,
    MonthlySpend,
    UserCount,
    Created,

    /// <summary>The account model's values: accounts without one (not computed yet) sort as the lowest.</summary>
    Mrr,
    Health,
    Type,

    /// <summary>An element, metric or health score named by <see cref="AccountQuery.SortValue"/>.</summary>
    Value,
}
