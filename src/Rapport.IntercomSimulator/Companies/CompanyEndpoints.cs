using Rapport.IntercomSimulator.Catalog;
using Rapport.IntercomSimulator.Contacts;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Companies;

internal static partial class CompanyEndpoints
{
    // Intercom's documented maximum page size for companies in 1.x; 2.16 states none (UNVERIFIED).
    private const int MaxPerPage = 60;

    public static void MapCompanies(this IEndpointRouteBuilder app)
    {
        app.MapGet("/companies/scroll", Scroll).Api();
        app.MapPost("/companies/list", List).Api();
        app.MapGet("/companies", Retrieve).Api();
        app.MapGet("/companies/{company_id}", Get).Api();
        app.MapGet("/companies/{company_id}/contacts", Contacts).Api();
        app.MapGet("/companies/{company_id}/segments", Segments).Api();
        app.MapPost("/companies", CreateOrUpdateAsync).Api();
        app.MapPut("/companies/{company_id}", UpdateAsync).Api();
        app.MapDelete("/companies/{company_id}", Delete).Api();
    }

    private static IResult Scroll(HttpContext context, SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var param = Query.String(context, "scroll_param");
            if (param is null)
            {
                // Intercom answers a second open scroll with HTTP 400 "scroll already exists for this app" and no
                // recognisable code (intercom/intercom-ruby#292); bad_request is the closest code of the spec.
                param = runtime.Scrolls.TryOpen(workspace.CompanyList.ConvertAll(c => c.Id))
                    ?? throw new ApiException(400, "bad_request", "scroll already exists for this app");
            }

            // An unknown or expired scroll_param cannot be resumed: the client must restart the scroll (spec description).
            var ids = runtime.Scrolls.Next(param, runtime.Options.ScrollPageSize)
                ?? throw ApiException.NotFound("not_found", "Scroll parameter not found or expired; restart the scroll");
            var total = workspace.CompanyList.Count;
            return JsonBody.Create(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "list");
                w.WriteStartArray("data");
                foreach (var id in ids)
                {
                    if (workspace.CompanyUnlocked(id) is { } company) { CompanyJson.Write(w, company, workspace); }
                }

                w.WriteEndArray();
                w.WriteNull("pages");
                w.WriteNumber("total_count", total);
                // "When the end is reached the list comes back empty and the param expires" (spec GET /companies/scroll):
                // a param on the empty page would invite a client to ask again and get the 404 of an expired one.
                if (ids.Count > 0 || runtime.Options.ScrollParamOnLastPage) { w.WriteString("scroll_param", param); }
                w.WriteEndObject();
            });
        }
    }

    // Sorted by last_request_at, companies without users left out, at most ListCap reachable (spec POST /companies/list).
    private static IResult List(HttpContext context, SimulatorRuntime runtime)
    {
        var page = Query.Int(context, "page", 1);
        var perPage = Query.Int(context, "per_page", 15, max: MaxPerPage);
        var order = Query.String(context, "order") ?? "desc";
        if (order is not ("asc" or "desc")) { throw ApiException.Invalid("order must be asc or desc", "order"); }
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var listed = workspace.CompanyList.Where(c => c.UserCount > 0).ToList();
            listed.Sort((a, b) =>
            {
                var byTime = Nullable.Compare(a.LastRequestAt, b.LastRequestAt);
                return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
            });
            if (order == "desc") { listed.Reverse(); }
            var reachable = Math.Min(listed.Count, runtime.Options.ListCap);
            var slice = listed.Take(reachable).Skip((page - 1) * perPage).Take(perPage);
            return JsonBody.Create(w => CompanyJson.WritePage(w, slice, workspace, page, perPage, reachable));
        }
    }

    private static IResult Retrieve(HttpContext context, SimulatorRuntime runtime)
    {
        var page = Query.Int(context, "page", 1);
        var perPage = Query.Int(context, "per_page", 15, max: MaxPerPage);
        var (companyId, name) = (Query.String(context, "company_id"), Query.String(context, "name"));
        var (tagId, segmentId) = (Query.String(context, "tag_id"), Query.String(context, "segment_id"));
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            IEnumerable<SimulatedCompany> matches = workspace.CompanyList;
            if (companyId is not null)
            {
                matches = workspace.CompanyByCompanyIdUnlocked(companyId) is { } found ? [found] : [];
            }

            if (name is not null) { matches = matches.Where(c => c.Name == name); }
            if (tagId is not null) { matches = matches.Where(c => c.TagIds.Contains(tagId)); }
            if (segmentId is not null) { matches = matches.Where(c => c.SegmentIds.Contains(segmentId)); }
            var all = matches.ToList();
            if (all.Count == 0 && (companyId ?? name) is not null)
            {
                throw ApiException.NotFound("company_not_found", "Company Not Found");
            }

            var slice = all.Skip((page - 1) * perPage).Take(perPage);
            return JsonBody.Create(w => CompanyJson.WritePage(w, slice, workspace, page, perPage, all.Count));
        }
    }

    private static IResult Get(HttpContext context, SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var company = Find(workspace, Query.Route(context, "company_id"));
            return JsonBody.Create(w => CompanyJson.Write(w, company, workspace));
        }
    }

    // 2.16 declares no paging here (2.11 had page/per_page); accepted anyway so big companies can be read whole.
    private static IResult Contacts(HttpContext context, SimulatorRuntime runtime)
    {
        var page = Query.Int(context, "page", 1);
        var perPage = Query.Int(context, "per_page", 50, max: 150);
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var company = Find(workspace, Query.Route(context, "company_id"));
            var slice = company.ContactIdList.Skip((page - 1) * perPage).Take(perPage).Select(workspace.GetContact);
            return JsonBody.Create(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "list");
                w.WriteStartArray("data");
                foreach (var contact in slice) { ContactJson.Write(w, contact, workspace); }
                w.WriteEndArray();
                w.WriteNumber("total_count", company.UserCount);
                PagesJson.WritePageNumbers(w, page, perPage, company.UserCount);
                w.WriteEndObject();
            });
        }
    }

    private static IResult Segments(HttpContext context, SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var company = Find(workspace, Query.Route(context, "company_id"));
            return JsonBody.Create(w => CatalogJson.WriteSegmentList(w, workspace.SegmentList.Where(s => company.SegmentIds.Contains(s.Id)), "list", "data"));
        }
    }

    private static SimulatedCompany Find(SimulatorWorkspace workspace, string id) =>
        workspace.CompanyUnlocked(id) ?? throw ApiException.NotFound("company_not_found", "Company Not Found");
}
