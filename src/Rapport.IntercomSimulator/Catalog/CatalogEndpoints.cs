using System.Globalization;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Catalog;

/// <summary>GET /me, segments, tags (all, or one by id) and admins.</summary>
internal static class CatalogEndpoints
{
    public static void MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me", Me).Api();
        app.MapGet("/segments", Segments).Api();
        app.MapGet("/segments/{segment_id}", Segment).Api();
        app.MapGet("/tags", Tags).Api();
        app.MapGet("/tags/{tag_id}", Tag).Api();
        app.MapGet("/admins", Admins).Api();
        app.MapGet("/admins/{admin_id}", Admin).Api();
    }

    // admin_with_app: the token's admin plus its workspace (app.id_code = the workspace id, region, timezone).
    private static IResult Me(SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var admin = workspace.AdminList[0];
            var created = workspace.Now.AddYears(-3);
            return JsonBody.Create(w => CatalogJson.WriteAdmin(w, admin, w =>
            {
                w.WriteStartObject("avatar");
                w.WriteString("type", "avatar");
                w.WriteString("image_url", "https://static.intercomassets.com/assets/default-avatars/admins/128.png");
                w.WriteEndObject();
                w.WriteBoolean("email_verified", true);
                w.WriteStartObject("app");
                w.WriteString("type", "app");
                w.WriteString("id_code", workspace.AppId);
                w.WriteString("name", SimulatorWorkspace.Name);
                w.WriteNumber("created_at", created.ToUnixTimeSeconds());
                w.WriteBoolean("secure", false);
                w.WriteBoolean("identity_verification", false);
                w.WriteString("timezone", "Etc/UTC");
                w.WriteString("region", "US");
                w.WriteEndObject();
            }));
        }
    }

    private static IResult Segments(HttpContext context, SimulatorRuntime runtime)
    {
        var includeCount = Query.Flag(context, "include_count");
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            Func<SimulatedSegment, int>? count = includeCount
                ? s => workspace.ContactList.Count(c => c.SegmentIds.Contains(s.Id))
                : null;
            return JsonBody.Create(w => CatalogJson.WriteSegmentList(w, workspace.SegmentList, "segment.list", "segments", count));
        }
    }

    private static IResult Segment(HttpContext context, SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var id = Query.Route(context, "segment_id");
            var segment = workspace.SegmentList.Find(s => s.Id == id) ?? throw ApiException.NotFound("not_found", "Segment Not Found");
            return JsonBody.Create(w => CatalogJson.WriteSegment(w, segment, null));
        }
    }

    private static IResult Tags(SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync) { return JsonBody.Create(w => CatalogJson.WriteTagList(w, workspace.TagList)); }
    }

    // findTag: the tag object, or the spec's 404 error list "Resource Not Found".
    private static IResult Tag(HttpContext context, SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var id = Query.Route(context, "tag_id");
            var tag = workspace.TagList.Find(t => t.Id == id) ?? throw ApiException.NotFound("not_found", "Resource Not Found");
            return JsonBody.Create(w => CatalogJson.WriteTag(w, tag));
        }
    }

    private static IResult Admins(SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            return JsonBody.Create(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "admin.list");
                w.WriteStartArray("admins");
                foreach (var admin in workspace.AdminList) { CatalogJson.WriteAdmin(w, admin); }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
    }

    // admin_id is an integer in the spec: anything else cannot name an admin.
    private static IResult Admin(HttpContext context, SimulatorRuntime runtime)
    {
        var id = Query.Route(context, "admin_id");
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)) { throw ApiException.Invalid("admin_id must be an integer", "admin_id"); }
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var admin = workspace.AdminList.Find(a => a.Id == id) ?? throw ApiException.NotFound("admin_not_found", "Admin not found");
            return JsonBody.Create(w => CatalogJson.WriteAdmin(w, admin));
        }
    }
}
