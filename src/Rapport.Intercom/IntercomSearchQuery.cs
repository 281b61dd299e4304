namespace Rapport.Intercom;

/// <summary>
/// The <c>query</c> of POST /contacts/search: a single filter or an AND/OR group
/// (spec 2.16 <c>single_filter_search_request</c> / <c>multiple_filter_search_request</c>;
/// at most two levels of nesting and 15 filters per group).
/// </summary>
public abstract record IntercomSearchQuery
{
    private protected IntercomSearchQuery()
    {
    }

    /// <summary>
    /// Values: string, int, long, bool, <see cref="DateTimeOffset"/> (sent as unix seconds), or a list of strings/integers for IN/NIN.
    /// Operators: = != IN NIN &lt; &lt;= &gt; &gt;= ~ !~ ^ $.
    /// </summary>
    public static IntercomSearchFilter Filter(string field, string @operator, object? value) => new(field, @operator, value);

    public static IntercomSearchGroup And(params IntercomSearchQuery[] queries) => new("AND", queries);

    public static IntercomSearchGroup Or(params IntercomSearchQuery[] queries) => new("OR", queries);

    /// <summary>
    /// Contacts updated at or after <paramref name="since"/>, as a superset: Intercom compares dates by calendar day in
    /// the workspace's timezone and <c>&gt;</c> means "from the start of the next day" (Intercom's API reference,
    /// "Search contacts",
    /// https://developers.intercom.com/docs/references/rest-api/api.intercom.io/contacts/searchcontacts), so the filter
    /// asks for "after the day before", which covers any timezone. Callers let <c>updated_at</c> decide.
    /// </summary>
    public static IntercomSearchFilter UpdatedAfter(DateTimeOffset since) => new("updated_at", ">", since.AddDays(-1).ToUnixTimeSeconds());
}

/// <summary>One filter: <c>{field, operator, value}</c>.</summary>
public sealed record IntercomSearchFilter(string Field, string Operator, object? Value) : IntercomSearchQuery;

/// <summary>A group: <c>{operator: AND|OR, value: [queries]}</c>.</summary>
public sealed record IntercomSearchGroup(string Operator, IReadOnlyList<IntercomSearchQuery> Value) : IntercomSearchQuery;
