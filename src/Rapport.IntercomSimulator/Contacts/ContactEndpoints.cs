using Rapport.IntercomSimulator.Catalog;
using Rapport.IntercomSimulator.Companies;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Contacts;

internal static partial class ContactEndpoints
{
    // Default 50 (API reference, "List all contacts"), at most 150 per page (Intercom's cursor pagination page); 2.16
    // declares neither param but its text points to them.
    private const int DefaultPerPage = 50;
    private const int MaxPerPage = 150;

    public static void MapContacts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/contacts", List).Api();
        app.MapPost("/contacts/search", SearchAsync).Api();
        app.MapGet("/contacts/find_by_external_id/{external_id}", FindByExternalId).Api();
        app.MapGet("/contacts/{contact_id}", Get).Api();
        app.MapGet("/contacts/{contact_id}/companies", Companies).Api();
        app.MapGet("/contacts/{contact_id}/tags", Tags).Api();
        app.MapGet("/contacts/{contact_id}/segments", Segments).Api();
        app.MapPost("/contacts", CreateAsync).Api();
        app.MapPut("/contacts/{contact_id}", UpdateAsync).Api();
        app.MapPost("/contacts/{contact_id}/companies", AttachAsync).Api();
        app.MapDelete("/contacts/{contact_id}/companies/{company_id}", Detach).Api();
        app.MapDelete("/contacts/{contact_id}", Delete).Api();
    }

    // Cursor order = id order; the contacts list is kept sorted by id, so a page is a binary search plus a slice.
    private static IResult List(HttpContext context, SimulatorRuntime runtime)
    {
        var perPage = Query.Int(context, "per_page", DefaultPerPage, max: MaxPerPage);
        var cursor = ContactCursor.Decode(Query.String(context, "starting_after"));
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var all = workspace.ContactList;
            var start = 0;
            if (cursor is { } c)
            {
                var index = all.BinarySearch(null!, new AfterId(c.LastId));
                start = ~index;
            }

            var count = Math.Min(perPage, all.Count - start);
            var page = all.GetRange(start, count);
            var next = start + count < all.Count && count > 0 ? ContactCursor.Encode(page[^1].Id, (cursor?.Page ?? 1) + 1) : null;
            return JsonBody.Create(w => ContactJson.WriteList(w, page, workspace, cursor?.Page ?? 1, perPage, all.Count, next));
        }
    }

    private static IResult Get(HttpContext context, SimulatorRuntime runtime) =>
        WithContact(context, runtime, (contact, workspace) => JsonBody.Create(w => ContactJson.Write(w, contact, workspace)));

    private static IResult FindByExternalId(HttpContext context, SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var externalId = Query.Route(context, "external_id");
            var contact = workspace.ContactList.Find(c => c.ExternalId == externalId) ?? throw ApiException.NotFound("not_found", "User Not Found");
            return JsonBody.Create(w => ContactJson.Write(w, contact, workspace));
        }
    }

    // contact_attached_companies: full company objects, paged with pages_link (next is a URL).
    private static IResult Companies(HttpContext context, SimulatorRuntime runtime)
    {
        var page = Query.Int(context, "page", 1);
        var perPage = Query.Int(context, "per_page", DefaultPerPage, max: MaxPerPage);
        return WithContact(context, runtime, (contact, workspace) =>
        {
            var total = contact.CompanyIdList.Count;
            var totalPages = (total + perPage - 1) / perPage;
            var slice = contact.CompanyIdList.Skip((page - 1) * perPage).Take(perPage).Select(workspace.GetCompany);
            return JsonBody.Create(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "list");
                w.WriteStartArray("companies");
                foreach (var company in slice) { CompanyJson.Write(w, company, workspace); }
                w.WriteEndArray();
                w.WriteNumber("total_count", total);
                w.WriteStartObject("pages");
                w.WriteString("type", "pages");
                if (page < totalPages) { w.WriteString("next", $"{context.Request.Scheme}://{context.Request.Host}/contacts/{contact.Id}/companies?page={page + 1}&per_page={perPage}"); }
                else { w.WriteNull("next"); }
                w.WriteNumber("page", page);
                w.WriteNumber("per_page", perPage);
                w.WriteNumber("total_pages", totalPages);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        });
    }

    private static IResult Tags(HttpContext context, SimulatorRuntime runtime) =>
        WithContact(context, runtime, (contact, workspace) =>
            JsonBody.Create(w => CatalogJson.WriteTagList(w, workspace.TagList.Where(t => contact.TagIds.Contains(t.Id)))));

    private static IResult Segments(HttpContext context, SimulatorRuntime runtime) =>
        WithContact(context, runtime, (contact, workspace) =>
            JsonBody.Create(w => CatalogJson.WriteSegmentList(w, workspace.SegmentList.Where(s => contact.SegmentIds.Contains(s.Id)), "list", "data")));

    private static IResult WithContact(HttpContext context, SimulatorRuntime runtime, Func<SimulatedContact, SimulatorWorkspace, IResult> respond)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var contact = workspace.ContactUnlocked(Query.Route(context, "contact_id")) ?? throw ApiException.NotFound("not_found", "User Not Found");
            return respond(contact, workspace);
        }
    }

    /// <summary>Orders the searched-for position just after <c>lastId</c>; never returns 0, so BinarySearch yields the insertion point.</summary>
    private sealed class AfterId(string lastId) : IComparer<SimulatedContact>
    {
        public int Compare(SimulatedContact? x, SimulatedContact? y)
        {
            var id = x?.Id ?? y!.Id;
            var sign = x is null ? -1 : 1;
            return string.CompareOrdinal(id, lastId) <= 0 ? -sign : sign;
        }
    }
}
