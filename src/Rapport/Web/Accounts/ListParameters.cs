using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Rapport.Hub.Accounts;

namespace Rapport.Web.Accounts;

/// <summary>
/// The query string of the account and user lists, shared by the pages and the REST API so both read it alike. Every
/// value is optional; <see cref="ToAccountQuery"/> and <see cref="ToUserQuery"/> name the parameter that is wrong.
/// </summary>
public sealed partial class ListParameters
{
    [FromQuery(Name = "q"), Description("A prefix of the name or external id (users: also of the email), any case.")]
    public string? Q { get; set; }

    [FromQuery(Name = "status"), Description("active (default), inactive or all.")]
    public string? Status { get; set; }

    [FromQuery(Name = "tag"), Description("Only records with this tag.")]
    public string? Tag { get; set; }

    [FromQuery(Name = "segment"), Description("Only records in this segment.")]
    public string? Segment { get; set; }

    [FromQuery(Name = "plan"), Description("Only this plan. Users: of an account on this plan.")]
    public string? Plan { get; set; }

    [FromQuery(Name = "account"), Description("Users only: only users of the account with this id.")]
    public string? Account { get; set; }

    [FromQuery(Name = "attribute"), Description("A custom attribute equal to a value, as name=value (strings as they are, other values as JSON: true, 42).")]
    public string? Attribute { get; set; }

    [FromQuery(Name = "sort"), Description("Accounts: name, last_seen, monthly_spend, user_count or created. Users: name, email or created.")]
    public string? Sort { get; set; }

    [FromQuery(Name = "dir"), Description("asc or desc; by default names ascend and the rest descend.")]
    public string? Dir { get; set; }

    [FromQuery(Name = "limit"), Description("Rows per page, 1 to 200; default 50.")]
    public string? Limit { get; set; }

    [FromQuery(Name = "cursor"), Description("The next or previous cursor of the page before, with the same sort and dir.")]
    public string? Cursor { get; set; }

    [FromQuery(Name = "total"), Description("true to count every matching row as well.")]
    public string? Total { get; set; }

    public static readonly IReadOnlyDictionary<string, AccountSort> AccountSorts = new Dictionary<string, AccountSort>(StringComparer.Ordinal)
    {
        ["name"] = AccountSort.Name,
        ["last_seen"] = AccountSort.LastSeen,
        ["monthly_spend"] = AccountSort.MonthlySpend,
        ["user_count"] = AccountSort.UserCount,
        ["created"] = AccountSort.Created,
        ["mrr"] = AccountSort.Mrr,
        ["health"] = AccountSort.Health,
        ["type"] = AccountSort.Type,
    };

    public static readonly IReadOnlyDictionary<string, UserSort> UserSorts = new Dictionary<string, UserSort>(StringComparer.Ordinal)
    {
        ["name"] = UserSort.Name,
        ["email"] = UserSort.Email,
        ["created"] = UserSort.Created,
    };

    public static ListParameters From(IQueryCollection query) => new()
    {
        Q = query["q"],
        Status = query["status"],
        Tag = query["tag"],
        Segment = query["segment"],
        Plan = query["plan"],
        Account = query["account"],
        Attribute = query["attribute"],
        Sort = query["sort"],
        Dir = query["dir"],
        Limit = query["limit"],
        Cursor = query["cursor"],
        Total = query["total"],
        Type = query["type"],
        Owner = query["owner"],
        MemberOf = query["member_of"],
        Indicator = query["indicator"],
        Value = Values(query["value"]),
    };

    /// <summary>Names ascend by default, counts, amounts and times descend (the biggest, latest first).</summary>
    public static bool DefaultDescending(string sort) => sort is not ("name" or "email");

    public (AccountQuery? Query, ListProblem? Problem) ToAccountQuery()
    {
        if (Empty(Account) is not null)
            return (null, new("account", "account picks the users of one account: the accounts list does not take it."));
        var sortName = Empty(Sort) ?? "name";
        var (sort, sortValue, sortProblem) = ReadAccountSort(sortName);
        if (sortProblem is not null)
            return (null, sortProblem);
        var (common, problem) = ReadCommon("accounts", sortName, sortValue?.CursorSort ?? PageCursor.SortName(sort));
        if (problem is not null)
            return (null, problem);
        var (match, matchProblem) = ReadAccountMatch();
        if (matchProblem is not null)
            return (null, matchProblem);
        return (new AccountQuery
        {
            SortValue = sortValue,
            Search = Empty(Q),
            Status = common.Status,
            Tag = Empty(Tag),
            Segment = Empty(Segment),
            Attribute = common.Attribute,
            Plan = match.Plan,
            ModelType = match.ModelType,
            Owner = match.Owner,
            MemberOf = match.MemberOf,
            Indicator = match.Indicator,
            Values = match.Values,
            Sort = sort,
            Descending = common.Descending,
            Cursor = common.Cursor,
            PageSize = common.PageSize,
            IncludeTotal = common.Total,
        }, null);
    }

    public (UserQuery? Query, ListProblem? Problem) ToUserQuery()
    {
        var sortName = Empty(Sort) ?? "name";
        if (!UserSorts.TryGetValue(sortName, out var sort))
            return (null, new("sort", $"'{Sort}' is not a sort: {string.Join(", ", UserSorts.Keys)}."));
        long? account = null;
        if (Empty(Account) is { } text)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return (null, new("account", $"'{Account}' is not an account id."));
            account = id;
        }

        var (common, problem) = ReadCommon("users", sortName, PageCursor.SortName(sort));
        if (problem is not null)
            return (null, problem);
        var (match, matchProblem) = ReadAccountMatch();
        if (matchProblem is not null)
            return (null, matchProblem);
        return (new UserQuery
        {
            Search = Empty(Q),
            Status = common.Status,
            Tag = Empty(Tag),
            Segment = Empty(Segment),
            AccountId = account,
            Attribute = common.Attribute,
            OfAccounts = match.IsEmpty ? null : match,
            Sort = sort,
            Descending = common.Descending,
            Cursor = common.Cursor,
            PageSize = common.PageSize,
            IncludeTotal = common.Total,
        }, null);
    }

    /// <summary>These parameters with the cursor (and total) replaced: the link to another page of the same list.</summary>
    public string WithCursor(string path, PageCursor? cursor)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (Empty(value) is { } v)
                pairs.Add(new(name, v));
        }

        Add("q", Q); Add("status", Status); Add("tag", Tag); Add("segment", Segment); Add("plan", Plan); Add("account", Account);
        Add("attribute", Attribute); AddModel(Add); Add("sort", Sort); Add("dir", Dir); Add("limit", Limit); Add("cursor", cursor?.Encode());
        return path + QueryString.Create(pairs);
    }

    /// <summary>The first page of this list in another order; a null direction is the sort's default.</summary>
    public string Resorted(string path, string sort, bool? descending)
    {
        var copy = (ListParameters)MemberwiseClone();
        copy.Sort = sort;
        copy.Dir = descending is { } d ? (d ? "desc" : "asc") : null;
        return copy.WithCursor(path, null);
    }

    private sealed record Common(StatusFilter Status, AttributeFilter? Attribute, bool Descending, PageCursor? Cursor, int PageSize, bool Total);

    private (Common Common, ListProblem? Problem) ReadCommon(string list, string sortName, string cursorSort)
    {
        var failed = new Common(StatusFilter.Active, null, false, null, 0, false);
        StatusFilter status;
        switch (Empty(Status))
        {
            case null or "active": status = StatusFilter.Active; break;
            case "inactive": status = StatusFilter.Inactive; break;
            case "all": status = StatusFilter.All; break;
            default: return (failed, new("status", $"'{Status}' is not a status: active, inactive or all."));
        }

        AttributeFilter? attribute = null;
        if (Empty(Attribute) is { } attributeText && !AttributeFilter.TryParse(attributeText, out attribute))
            return (failed, new("attribute", $"'{Attribute}' is not a custom attribute filter: write name=value."));

        var descending = DefaultDescending(sortName);
        switch (Empty(Dir))
        {
            case null: break;
            case "asc": descending = false; break;
            case "desc": descending = true; break;
            default: return (failed, new("dir", $"'{Dir}' is not a direction: asc or desc."));
        }

        var pageSize = PageCursor.DefaultPageSize;
        if (Empty(Limit) is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > PageCursor.MaxPageSize))
        {
            return (failed, new("limit", $"'{Limit}' is not a page size: 1 to {PageCursor.MaxPageSize}."));
        }

        PageCursor? cursor = null;
        if (Empty(Cursor) is { } cursorText)
        {
            if (!PageCursor.TryDecode(cursorText, out cursor))
                return (failed, new("cursor", "The cursor is not one this API gave: pass back a next or previous cursor unchanged."));
            if (!cursor!.Fits(list, cursorSort, descending))
                return (failed, new("cursor", "The cursor belongs to another sort or direction: keep sort and dir as they were when it was given."));
        }

        var total = Empty(Total) is { } totalText && (totalText is "true" or "1");
        return (new Common(status, attribute, descending, cursor, pageSize, total), null);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What is wrong with a list's query string: the parameter and why.</summary>
public sealed record ListProblem(string Parameter, string Message);
