using System.Text.Json;
using Rapport.IntercomSimulator.Companies;
using Rapport.IntercomSimulator.DataAttributes;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Contacts;

internal static partial class ContactEndpoints
{
    // POST /contacts/{id}/companies: "contact_company_limit_exceeded" above 1000 associations (spec example).
    private const int CompanyLimit = 1000;

    private static async Task<IResult> CreateAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context);
        var (email, externalId, role) = (body.OptionalString("email"), body.OptionalString("external_id"), body.OptionalString("role"));
        if (email is null && externalId is null && role is null)
        {
            throw ApiException.Invalid("Please provide one of email, external_id or role");
        }

        if (role is not (null or "user" or "lead")) { throw ApiException.Invalid("role must be user or lead", "role"); }
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var attributes = CustomAttributeValues.Parse(body, "contact", workspace);
            var duplicate = workspace.ContactList.Find(c =>
                (externalId is not null && c.ExternalId == externalId) || (externalId is null && email is not null && c.Email == email && c.Role == (role ?? "user")));
            if (duplicate is not null)
            {
                // As on Intercom (its contact import guide), a duplicate is a 409 conflict.
                throw new ApiException(409, "conflict", $"A contact matching those details already exists with id={duplicate.Id}");
            }

            var contact = workspace.AddContact(c =>
            {
                c.Role = role ?? "user";
                Apply(c, body, attributes);
                if (c.Role == "user") { c.SignedUpAt ??= workspace.Now; }
            });
            runtime.Stats.CountContactCreated();
            return JsonBody.Create(w => ContactJson.Write(w, contact, workspace));
        }
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context);
        if (body.OptionalString("role") is not (null or "user" or "lead")) { throw ApiException.Invalid("role must be user or lead", "role"); }
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var contact = workspace.ContactUnlocked(Query.Route(context, "contact_id")) ?? throw ApiException.NotFound("not_found", "User Not Found");
            var attributes = CustomAttributeValues.Parse(body, "contact", workspace);
            workspace.UpdateContact(contact.Id, c =>
            {
                if (body.OptionalString("role") is { } role) { c.Role = role; }
                Apply(c, body, attributes);
            });
            runtime.Stats.CountContactUpdated();
            return JsonBody.Create(w => ContactJson.Write(w, contact, workspace));
        }
    }

    private static async Task<IResult> AttachAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context);
        var companyId = body.OptionalString("id") ?? throw new ApiException(400, "parameter_not_found", "company id not specified", "id");
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var contact = workspace.ContactUnlocked(Query.Route(context, "contact_id")) ?? throw ApiException.NotFound("not_found", "User Not Found");
            var company = workspace.CompanyUnlocked(companyId) ?? throw ApiException.NotFound("company_not_found", "Company Not Found");
            if (!contact.CompanyIdList.Contains(company.Id) && contact.CompanyIdList.Count >= CompanyLimit)
            {
                throw new ApiException(400, "contact_company_limit_exceeded", "Contact has reached the maximum of 1000 company associations");
            }

            workspace.Attach(contact.Id, company.Id);
            return JsonBody.Create(w => CompanyJson.Write(w, company, workspace));
        }
    }

    private static IResult Detach(HttpContext context, SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var contact = workspace.ContactUnlocked(Query.Route(context, "contact_id")) ?? throw ApiException.NotFound("not_found", "User Not Found");
            var company = workspace.CompanyUnlocked(Query.Route(context, "company_id"));
            if (company is null || !contact.CompanyIdList.Contains(company.Id))
            {
                throw ApiException.NotFound("company_not_found", "Company Not Found");
            }

            workspace.Detach(contact.Id, company.Id);
            return JsonBody.Create(w => CompanyJson.Write(w, company, workspace));
        }
    }

    // Spec deleteContact: answers the contact_deleted object.
    private static IResult Delete(HttpContext context, SimulatorRuntime runtime)
    {
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var contact = workspace.ContactUnlocked(Query.Route(context, "contact_id")) ?? throw ApiException.NotFound("not_found", "User Not Found");
            workspace.RemoveContact(contact.Id);
            return JsonBody.Create(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", contact.Id);
                w.WriteString("external_id", contact.ExternalId);
                w.WriteString("type", "contact");
                w.WriteBoolean("deleted", true);
                w.WriteEndObject();
            });
        }
    }

    private static void Apply(SimulatedContact contact, JsonElement body, Dictionary<string, object?> attributes)
    {
        if (body.Has("external_id")) { contact.ExternalId = body.OptionalString("external_id"); }
        if (body.Has("email")) { contact.Email = body.OptionalString("email"); }
        if (body.Has("phone")) { contact.Phone = body.OptionalString("phone"); }
        if (body.Has("name")) { contact.Name = body.OptionalString("name"); }
        if (body.Has("avatar")) { contact.AvatarUrl = body.OptionalString("avatar"); }
        if (body.Has("owner_id")) { contact.OwnerId = OwnerId(body); }
        if (body.Has("signed_up_at")) { contact.SignedUpAt = body.OptionalUnix("signed_up_at"); }
        if (body.Has("last_seen_at")) { contact.LastSeenAt = body.OptionalUnix("last_seen_at"); }
        if (body.OptionalBoolean("unsubscribed_from_emails") is { } unsubscribed) { contact.UnsubscribedFromEmails = unsubscribed; }
        foreach (var (name, value) in attributes)
        {
            if (value is null) { contact.CustomAttributes.Remove(name); }
            else { contact.CustomAttributes[name] = value; }
        }
    }

    // The spec types owner_id as a string, Intercom's SDKs have sent integers: accept both.
    private static string? OwnerId(JsonElement body) => body.GetProperty("owner_id") switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => body.OptionalString("owner_id"),
    };
}
