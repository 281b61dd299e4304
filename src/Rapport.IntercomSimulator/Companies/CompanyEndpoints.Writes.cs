using System.Text.Json;
using Rapport.IntercomSimulator.DataAttributes;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Companies;

internal static partial class CompanyEndpoints
{
    // POST /companies is an upsert keyed by company_id (spec createOrUpdateCompany): only a real creation is counted.
    private static async Task<IResult> CreateOrUpdateAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context);
        var companyId = body.OptionalString("company_id")
            ?? throw new ApiException(400, "parameter_not_found", "company_id not specified", "company_id");
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            using var changes = workspace.BeginChanges();
            var attributes = CustomAttributeValues.Parse(body, "company", workspace);
            var existing = workspace.CompanyByCompanyIdUnlocked(companyId);
            var company = existing ?? workspace.AddCompany(c => c.CompanyId = companyId);
            if (existing is null) { runtime.Stats.CountCompanyCreated(); }
            workspace.UpdateCompany(company.Id, c =>
            {
                Apply(c, body, attributes);
                if (body.OptionalUnix("remote_created_at") is { } remote) { c.RemoteCreatedAt = remote; }
                if (body.OptionalBoolean("update_last_request_at") == true) { c.LastRequestAt = workspace.Now; }
            });
            return JsonBody.Create(w => CompanyJson.Write(w, company, workspace));
        }
    }

    // PUT /companies/{id} updates by Intercom id and never creates (spec: 404 company_not_found).
    private static async Task<IResult> UpdateAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context, optional: true);
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var company = Find(workspace, Query.Route(context, "company_id"));
            var attributes = body.ValueKind == JsonValueKind.Object ? CustomAttributeValues.Parse(body, "company", workspace) : [];
            workspace.UpdateCompany(company.Id, c => Apply(c, body, attributes));
            runtime.Stats.CountCompanyUpdated();
            return JsonBody.Create(w => CompanyJson.Write(w, company, workspace));
        }
    }

    private static IResult Delete(HttpContext context, SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var company = Find(workspace, Query.Route(context, "company_id"));
            workspace.RemoveCompany(company.Id);
            return JsonBody.Create(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", company.Id);
                w.WriteString("object", "company");
                w.WriteBoolean("deleted", true);
                w.WriteEndObject();
            });
        }
    }

    private static void Apply(SimulatedCompany company, JsonElement body, Dictionary<string, object?> attributes)
    {
        if (body.ValueKind != JsonValueKind.Object) { return; }
        if (body.Has("name")) { company.Name = body.OptionalString("name"); }
        if (body.Has("plan")) { company.Plan = body.OptionalString("plan"); }
        if (body.Has("size")) { company.Size = (int?)body.OptionalInteger("size"); }
        if (body.Has("website")) { company.Website = body.OptionalString("website"); }
        if (body.Has("industry")) { company.Industry = body.OptionalString("industry"); }
        if (body.OptionalInteger("monthly_spend") is { } spend)
        {
            company.MonthlySpend = spend is >= 0 and <= int.MaxValue ? spend : throw ApiException.Invalid("monthly_spend must be between 0 and 2147483647", "monthly_spend");
        }

        foreach (var (name, value) in attributes)
        {
            if (value is null) { company.CustomAttributes.Remove(name); }
            else { company.CustomAttributes[name] = value; }
        }
    }
}
