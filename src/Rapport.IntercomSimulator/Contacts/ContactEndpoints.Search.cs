using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Contacts;

internal static partial class ContactEndpoints
{
    private static async Task<IResult> SearchAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context);
        if (!body.TryGetProperty("query", out var query)) { throw new ApiException(400, "parameter_not_found", "query is required", "query"); }
        var (perPage, cursor) = Pagination(body);
        var (sortField, descending) = Sort(body);
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            // The query is compiled (and so validated) on every page, even when its results come from the cache.
            var matches = ContactSearchQuery.Compile(query, workspace);
            var sort = sortField is null ? null
                : ContactSearchField.Find(sortField, workspace) ?? throw ApiException.Invalid($"{sortField} is not a sortable field", "sort.field");
            var search = workspace.SearchCache.GetOrAdd(
                $"{query.GetRawText()}|{sortField}|{descending}", workspace.Version, () => Search(workspace, matches, sort, descending));
            var results = search.Results;
            var start = cursor is { } c ? search.After(c.LastId) : 0;
            if (cursor is not null && start == 0) { throw ApiException.Invalid("starting_after is not a valid cursor", "starting_after"); }
            var count = Math.Min(perPage, results.Count - start);
            var page = results.GetRange(start, count);
            var next = start + count < results.Count && count > 0 ? ContactCursor.Encode(page[^1].Id, (cursor?.Page ?? 1) + 1) : null;
            return JsonBody.Create(w => ContactJson.WriteList(w, page, workspace, cursor?.Page ?? 1, perPage, results.Count, next));
        }
    }

    private static List<SimulatedContact> Search(
        SimulatorWorkspace workspace, Func<SimulatedContact, bool> matches, ContactSearchField? sort, bool descending)
    {
        var results = workspace.ContactList.FindAll(c => matches(c));
        if (sort is not null)
        {
            // Sorting uses the full value (spec: "sorting uses the full value"), ties by id for a stable cursor.
            results.Sort((a, b) =>
            {
                var byValue = Comparer<object?>.Create(CompareValues).Compare(sort.Read(a), sort.Read(b));
                return byValue != 0 ? (descending ? -byValue : byValue) : string.CompareOrdinal(a.Id, b.Id);
            });
        }

        return results;
    }

    private static (int PerPage, (string LastId, int Page)? Cursor) Pagination(JsonElement body)
    {
        if (!body.TryGetProperty("pagination", out var pagination) || pagination.ValueKind == JsonValueKind.Null) { return (DefaultPerPage, null); }
        var perPage = pagination.OptionalInteger("per_page") ?? DefaultPerPage;
        if (perPage < 1) { throw ApiException.Invalid("per_page must be at least 1", "pagination.per_page"); }
        return ((int)Math.Min(perPage, MaxPerPage), ContactCursor.Decode(pagination.OptionalString("starting_after")));
    }

    private static (string? Field, bool Descending) Sort(JsonElement body)
    {
        if (!body.TryGetProperty("sort", out var sort) || sort.ValueKind == JsonValueKind.Null) { return (null, true); }
        var order = sort.OptionalString("order") ?? "descending";
        if (order is not ("ascending" or "descending"))
        {
            throw new ApiException(400, "invalid_sort_order", $"Invalid sort order '{order}'. Must be one of: ascending, descending");
        }

        return (sort.OptionalString("field"), order == "descending");
    }

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
        (bool x, bool y) => x.CompareTo(y),
        (IComparable x, _) when a.GetType() == b.GetType() => x.CompareTo(b),
        _ => Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
