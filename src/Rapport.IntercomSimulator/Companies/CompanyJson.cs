using Rapport.IntercomSimulator.Catalog;
using System.Text.Json;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Companies;

/// <summary>The spec's <c>company</c> object. Its fields are not nullable in the spec, so absent values are left out
/// (as the spec's own examples do) rather than sent as null.</summary>
internal static class CompanyJson
{
    public static void Write(Utf8JsonWriter w, SimulatedCompany c, SimulatorWorkspace workspace)
    {
        w.WriteStartObject();
        w.WriteString("type", "company");
        w.WriteStringIfSet("company_id", c.CompanyId);
        w.WriteString("id", c.Id);
        w.WriteString("app_id", workspace.AppId);
        w.WriteStringIfSet("name", c.Name);
        w.WriteUnixIfSet("remote_created_at", c.RemoteCreatedAt);
        w.WriteUnix("created_at", c.CreatedAt);
        w.WriteUnix("updated_at", c.UpdatedAt);
        w.WriteUnixIfSet("last_request_at", c.LastRequestAt);
        w.WriteNumber("monthly_spend", c.MonthlySpend ?? 0);
        w.WriteNumber("session_count", c.SessionCount);
        w.WriteNumber("user_count", c.UserCount);
        if (c.Size is { } size) { w.WriteNumber("size", size); }
        w.WriteStringIfSet("website", c.Website);
        w.WriteStringIfSet("industry", c.Industry);
        w.WriteStartObject("tags");
        w.WriteString("type", "tag.list");
        w.WriteStartArray("tags");
        foreach (var tag in workspace.TagList)
        {
            if (!c.TagIds.Contains(tag.Id)) { continue; }
            w.WriteStartObject();
            w.WriteString("type", "tag");
            w.WriteString("id", tag.Id);
            w.WriteString("name", tag.Name);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("segments");
        w.WriteString("type", "segment.list");
        w.WriteStartArray("segments");
        foreach (var segment in workspace.SegmentList)
        {
            if (c.SegmentIds.Contains(segment.Id)) { CatalogJson.WriteSegment(w, segment, count: null); }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("notes");
        w.WriteString("type", "note.list");
        w.WriteStartArray("notes");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("plan");
        if (c.Plan is { } plan)
        {
            w.WriteString("type", "plan");
            w.WriteString("id", workspace.PlanId(plan));
            w.WriteString("name", plan);
        }

        w.WriteEndObject();
        w.WriteCustomAttributes(c.CustomAttributes);
        w.WriteEndObject();
    }

    /// <summary><c>{type: list, data: [...], pages, total_count}</c> with page-based <c>pages</c>.</summary>
    public static void WritePage(Utf8JsonWriter w, IEnumerable<SimulatedCompany> page, SimulatorWorkspace workspace, int pageNumber, int perPage, int total)
    {
        w.WriteStartObject();
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        foreach (var company in page) { Write(w, company, workspace); }
        w.WriteEndArray();
        PagesJson.WritePageNumbers(w, pageNumber, perPage, total);
        w.WriteNumber("total_count", total);
        w.WriteEndObject();
    }
}
