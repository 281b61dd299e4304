using System.Globalization;
using System.Text.Json;
using Rapport.IntercomSimulator.Conversations;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Messaging;

/// <summary>
/// POST /conversations/{conversation_id}/reply (admin replies: spec 2.16 <c>admin_reply_conversation_request</c>) and
/// POST /messages (<c>create_message_request</c>). Refusals use the spec's error bodies where it gives them (/messages:
/// 400 "Body is required", 422 "No subject supplied for email message"); for a reply the spec lists only 401/403/404, so
/// an empty body, an unknown admin and a closed conversation get this simulator's reading of them (400/404, UNVERIFIED).
/// </summary>
internal static class MessagingEndpoints
{
    private const int MaxAttachments = 10;

    public static void MapMessaging(this IEndpointRouteBuilder app)
    {
        app.MapPost("/conversations/{conversation_id}/reply", ReplyAsync).Api();
        app.MapPost("/messages", CreateMessageAsync).Api();
    }

    private static async Task<IResult> ReplyAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context);
        var workspace = runtime.Workspace;
        var id = Query.Route(context, "conversation_id");
        if (body.OptionalString("type") != "admin") { throw ApiException.Invalid("type must be admin: this simulator takes admin replies only", "type"); }
        var messageType = body.OptionalString("message_type") ?? throw new ApiException(400, "parameter_not_found", "message_type is required", "message_type");
        if (messageType is not ("comment" or "note")) { throw ApiException.Invalid($"message_type '{messageType}' is not supported here: comment or note", "message_type"); }
        var adminId = body.OptionalString("admin_id") ?? throw new ApiException(400, "parameter_not_found", "admin_id is required", "admin_id");
        var text = body.OptionalString("body");
        if (string.IsNullOrWhiteSpace(text)) { throw ApiException.Invalid("Body is required", "body"); }
        var urls = Urls(body);
        lock (workspace.Sync)
        {
            var conversation = workspace.ConversationUnlocked(id) ?? throw ApiException.NotFound();
            if (workspace.AdminList.Find(a => a.Id == adminId) is null) { throw ApiException.NotFound("admin_not_found", "Admin not found"); }
            if (conversation.State == "closed" && messageType == "comment") { throw ApiException.Invalid("Conversation is closed", "conversation_id"); }
            workspace.AdminReply(id, adminId, messageType, text, urls);
            runtime.Stats.CountReplyCreated();
            return JsonBody.Create(w => ConversationJson.Write(w, conversation, workspace, ConversationJson.RecentParts(conversation), plainText: false));
        }
    }

    private static async Task<IResult> CreateMessageAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context);
        var messageType = body.OptionalString("message_type") ?? throw new ApiException(400, "parameter_not_found", "message_type is required", "message_type");
        // The request enum says in_app, but the spec's own examples and intercom-client's MessageType send inapp: Intercom takes both.
        if (messageType == "inapp") { messageType = "in_app"; }
        if (messageType is not ("in_app" or "email")) { throw ApiException.Invalid($"message_type '{messageType}' is not supported here: in_app, inapp or email", "message_type"); }
        var text = body.OptionalString("body");
        if (string.IsNullOrWhiteSpace(text)) { throw ApiException.Invalid("Body is required", "body"); }
        var subject = body.OptionalString("subject");
        if (messageType == "email" && string.IsNullOrWhiteSpace(subject)) { throw new ApiException(422, "parameter_not_found", "No subject supplied for email message", "subject"); }
        if (messageType == "email" && body.OptionalString("template") is not ("plain" or "personal")) { throw ApiException.Invalid("template must be plain or personal", "template"); }
        var from = Object(body, "from");
        var adminId = from.TryGetProperty("id", out var fromId) && fromId.ValueKind == JsonValueKind.Number
            ? fromId.GetInt64().ToString(CultureInfo.InvariantCulture)
            : throw ApiException.Invalid("from.id must be an integer", "from.id");
        var to = Object(body, "to");
        var contactId = to.OptionalString("id") ?? throw new ApiException(400, "parameter_not_found", "to.id is required", "to.id");
        var workspace = runtime.Workspace;
        lock (workspace.Sync)
        {
            if (workspace.AdminList.Find(a => a.Id == adminId) is null) { throw ApiException.NotFound("admin_not_found", "Admin not found"); }
            if (workspace.ContactUnlocked(contactId) is null) { throw ApiException.NotFound("not_found", "User Not Found"); }
            var conversation = workspace.StartMessage(contactId, adminId, messageType == "email" ? "email" : "conversation", subject ?? "", text);
            runtime.Stats.CountMessageCreated();
            return JsonBody.Create(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "user_message");
                w.WriteString("id", conversation.Source.Id);
                w.WriteNumber("created_at", conversation.CreatedAt.ToUnixTimeSeconds());
                if (messageType == "email") { w.WriteString("subject", subject); }
                w.WriteString("body", text);
                w.WriteString("message_type", messageType == "email" ? "email" : "inapp");
                w.WriteString("conversation_id", conversation.Id);
                w.WriteEndObject();
            });
        }
    }

    private static List<string> Urls(JsonElement body)
    {
        if (!body.TryGetProperty("attachment_urls", out var urls) || urls.ValueKind == JsonValueKind.Null) { return []; }
        if (urls.ValueKind != JsonValueKind.Array) { throw ApiException.Invalid("attachment_urls must be an array", "attachment_urls"); }
        if (urls.GetArrayLength() > MaxAttachments) { throw ApiException.Invalid($"You can include up to {MaxAttachments} attachment URLs", "attachment_urls"); }
        return [.. urls.EnumerateArray().Select(u => u.ValueKind == JsonValueKind.String && Uri.TryCreate(u.GetString(), UriKind.Absolute, out _)
            ? u.GetString()! : throw ApiException.Invalid("attachment_urls must be URLs", "attachment_urls"))];
    }

    private static JsonElement Object(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value : throw new ApiException(400, "parameter_not_found", $"{name} is required", name);
}
