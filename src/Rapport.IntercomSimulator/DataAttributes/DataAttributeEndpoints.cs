using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.DataAttributes;

/// <summary>GET/POST /data_attributes and PUT /data_attributes/{id} (Intercom's API reference, "List all data
/// attributes", "Create a data attribute" and "Update a data attribute").</summary>
internal static partial class DataAttributeEndpoints
{
    private static readonly string[] DataTypes = ["string", "integer", "float", "boolean", "datetime", "date", "options"];

    public static void MapDataAttributes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/data_attributes", List).Api();
        app.MapPost("/data_attributes", CreateAsync).Api();
        app.MapPut("/data_attributes/{data_attribute_id}", UpdateAsync).Api();
    }

    private static IResult List(HttpContext context, SimulatorRuntime runtime)
    {
        var model = Query.String(context, "model");
        if (model == "conversation")
        {
            // The spec's 422: conversation attributes live under GET /conversations/attributes.
            throw new ApiException(422, "data_invalid", "Use GET /conversations/attributes for conversation data attributes");
        }

        if (model is not (null or "contact" or "company")) { throw ApiException.Invalid("The Data Attribute model field must be either contact or company", "model"); }
        var includeArchived = Query.Flag(context, "include_archived");
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var attributes = workspace.DataAttributeList.Where(a => (model is null || a.Model == model) && (includeArchived || !a.Archived)).ToList();
            return JsonBody.Create(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "list");
                w.WriteStartArray("data");
                foreach (var attribute in attributes) { Write(w, attribute); }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context);
        var name = body.OptionalString("name") ?? throw new ApiException(400, "parameter_not_found", "name not specified", "name");
        var model = body.OptionalString("model");
        if (model is not ("contact" or "company")) { throw ApiException.Invalid("The Data Attribute model field must be either contact or company", "model"); }
        var dataType = body.OptionalString("data_type");
        if (dataType is null || Array.IndexOf(DataTypes, dataType) < 0) { throw ApiException.Invalid("Data Type isn't an option", "data_type"); }
        if (!ValidName().IsMatch(name))
        {
            throw ApiException.Invalid("Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens", "name");
        }

        var options = Options(body);
        if (dataType == "options" && (options is null || options.Count < 2)) { throw ApiException.Invalid("A list attribute must have at least 2 active options", "options"); }
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            if (workspace.FindDataAttributeUnlocked(model, name) is not null)
            {
                var noun = model == "company" ? "company data" : "people data";
                throw ApiException.Invalid($"You already have '{name}' in your company data. To save this as new {noun}, use a different name.", "name");
            }

            RefuseOverLimit(workspace);

            // The object's data_type enum has no datetime/options: a list is a string attribute with options, datetime a date.
            var stored = dataType switch { "options" => "string", "datetime" => "date", _ => dataType };
            var attribute = workspace.DefineDataAttribute(model, name, stored, body.OptionalString("description"));
            attribute.Options = options;
            attribute.MessengerWritable = body.OptionalBoolean("messenger_writable") ?? false;
            return JsonBody.Create(w => Write(w, attribute));
        }
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context);
        var raw = Query.Route(context, "data_attribute_id");
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            var attribute = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? workspace.FindDataAttributeUnlocked(id) : null;
            if (attribute is null) { throw ApiException.NotFound("field_not_found", "We couldn't find that data attribute to update"); }
            if (body.OptionalBoolean("archived") is { } archived)
            {
                if (attribute.Archived && !archived) { RefuseOverLimit(workspace); }
                attribute.Archived = archived;
            }

            if (body.Has("description")) { attribute.Description = body.OptionalString("description"); }
            if (body.OptionalBoolean("messenger_writable") is { } writable) { attribute.MessengerWritable = writable; }
            if (Options(body) is { } options)
            {
                attribute.Options = options.Count >= 2 ? options : throw ApiException.Invalid("A list attribute must have at least 2 active options", "options");
            }

            attribute.UpdatedAt = workspace.Now;
            return JsonBody.Create(w => Write(w, attribute));
        }
    }

    private static List<string>? Options(JsonElement body)
    {
        if (!body.TryGetProperty("options", out var options) || options.ValueKind == JsonValueKind.Null) { return null; }
        if (options.ValueKind != JsonValueKind.Array) { throw ApiException.Invalid("Options isn't an array", "options"); }
        return options.EnumerateArray()
            .Select(o => o.ValueKind == JsonValueKind.Object ? o.OptionalString("value") : o.ValueKind == JsonValueKind.String ? o.GetString() : null)
            .Select(v => v ?? throw ApiException.Invalid("Each option needs a string value", "options"))
            .ToList();
    }

    private static void Write(Utf8JsonWriter w, SimulatedDataAttribute a)
    {
        w.WriteStartObject();
        w.WriteString("type", "data_attribute");
        if (a.Id is { } id) { w.WriteNumber("id", id); }
        w.WriteString("model", a.Model);
        w.WriteString("name", a.Name);
        w.WriteString("full_name", a.FullName);
        w.WriteString("label", a.Label);
        w.WriteStringIfSet("description", a.Description);
        w.WriteString("data_type", a.DataType);
        if (a.Options is { } options)
        {
            w.WriteStartArray("options");
            foreach (var option in options) { w.WriteStringValue(option); }
            w.WriteEndArray();
        }

        w.WriteBoolean("api_writable", a.ApiWritable);
        w.WriteBoolean("messenger_writable", a.MessengerWritable);
        w.WriteBoolean("ui_writable", a.UiWritable);
        w.WriteBoolean("custom", a.Custom);
        w.WriteBoolean("archived", a.Archived);
        w.WriteUnixIfSet("created_at", a.CreatedAt);
        w.WriteUnixIfSet("updated_at", a.UpdatedAt);
        w.WriteStringIfSet("admin_id", a.AdminId);
        w.WriteEndObject();
    }

    // Intercom counts live custom attributes per workspace (help article 179: 250, archive unused ones to free space). The
    // exact error body is not documented; a 400 parameter_invalid naming the limit is the closest documented shape.
    private static void RefuseOverLimit(SimulatorWorkspace workspace)
    {
        if (workspace.DataAttributeList.Count(a => a.Custom && !a.Archived) >= SimulatorWorkspace.CustomAttributeLimit)
        {
            throw ApiException.Invalid(
                $"You have reached the limit of {SimulatorWorkspace.CustomAttributeLimit} custom data attributes. Archive unused attributes to create new ones.", "name");
        }
    }

    // The spec's valid examples ("Mithril Shirt", "The One Ring") have spaces; "!nv@l!d n@me" is its invalid one.
    [GeneratedRegex(@"^[\p{L}\p{N}\p{Sc}_-]+(?: [\p{L}\p{N}\p{Sc}_-]+)*$")]
    private static partial Regex ValidName();
}
