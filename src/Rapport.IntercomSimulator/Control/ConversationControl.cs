using System.Text.Json;
using Rapport.IntercomSimulator.Conversations;
using Rapport.IntercomSimulator.Http;
using Rapport.IntercomSimulator.Webhooks;

namespace Rapport.IntercomSimulator.Control;

/// <summary>Control API for live conversation traffic (tests, browser tests, demos): what a contact, a teammate or the bot
/// does in Intercom's Messenger and Inbox, which the public API does not expose here. Each change notifies like Intercom.</summary>
internal static class ConversationControl
{
    public static void MapConversationControl(this RouteGroupBuilder control)
    {
        control.MapPost("/conversations", StartAsync);
        control.MapPost("/conversations/{id}/reply", ReplyAsync);
        control.MapPost("/conversations/{id}/state", SetStateAsync);
        control.MapDelete("/conversations/{id}", (HttpContext context, SimulatorRuntime runtime) => Guard(() =>
        {
            runtime.Workspace.DeleteConversation(Query.Route(context, "id"));
            return Results.NoContent();
        }));
        control.MapPost("/webhooks/drop", DropWebhooksAsync);
    }

    // {contact_id, body, delivered_as?, source_type?}
    private static async Task<IResult> StartAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context, optional: true);
        return Guard(() =>
        {
            var contactId = body.OptionalString("contact_id") ?? throw ApiException.Invalid("contact_id is required", "contact_id");
            var conversation = runtime.Workspace.AddConversation(
                contactId,
                Html(body.OptionalString("body") ?? "Hello"),
                body.OptionalString("delivered_as") ?? "customer_initiated",
                body.OptionalString("source_type") ?? "conversation");
            return Conversation(runtime.Workspace, conversation.Id);
        });
    }

    // {author_type: user|lead|admin|bot, body, message_type: comment|note, admin_id?}: a user reply comes from the first contact.
    private static async Task<IResult> ReplyAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context, optional: true);
        return Guard(() =>
        {
            var workspace = runtime.Workspace;
            var id = Query.Route(context, "id");
            var conversation = workspace.FindConversation(id) ?? throw ApiException.NotFound("not_found", "Resource Not Found");
            var text = Html(body.OptionalString("body") ?? "Thanks!");
            var adminId = body.OptionalString("admin_id") ?? workspace.Admins[0].Id;
            var author = body.OptionalString("author_type") ?? "user";
            if (body.OptionalString("message_type") == "note")
            {
                workspace.AddNote(id, adminId, text);
            }
            else
            {
                workspace.Reply(id, author switch
                {
                    "user" or "lead" => SimulatedAuthor.For(workspace.FindContact(conversation.ContactIds[0]) ?? throw ApiException.NotFound("not_found", "User Not Found")),
                    "admin" => SimulatedAuthor.For(workspace.Admins.FirstOrDefault(a => a.Id == adminId) ?? throw ApiException.Invalid("unknown admin_id", "admin_id")),
                    "bot" => workspace.Bot,
                    _ => throw ApiException.Invalid("author_type must be user, lead, admin or bot", "author_type"),
                }, text);
            }

            return Conversation(workspace, id);
        });
    }

    // {state: open|closed|snoozed, admin_id?, snoozed_until?}
    private static async Task<IResult> SetStateAsync(HttpContext context, SimulatorRuntime runtime)
    {
        var body = await RequestJson.ReadObjectAsync(context, optional: true);
        return Guard(() =>
        {
            var workspace = runtime.Workspace;
            var id = Query.Route(context, "id");
            var adminId = body.OptionalString("admin_id") ?? workspace.Admins[0].Id;
            _ = body.OptionalString("state") switch
            {
                "open" => workspace.Reopen(id, adminId),
                "closed" => workspace.Close(id, adminId),
                "snoozed" => workspace.Snooze(id, adminId, body.OptionalUnix("snoozed_until") ?? workspace.Now.AddDays(1)),
                var other => throw ApiException.Invalid($"Unknown state '{other}'", "state"),
            };
            return Conversation(workspace, id);
        });
    }

    private static async Task<IResult> DropWebhooksAsync(HttpContext context, WebhookDispatcher webhooks)
    {
        var body = await RequestJson.ReadObjectAsync(context, optional: true);
        return Guard(() =>
        {
            webhooks.DropNext((int)(body.OptionalInteger("count") ?? 1));
            return Results.NoContent();
        });
    }

    private static IResult Conversation(SimulatorWorkspace workspace, string id)
    {
        lock (workspace.Sync)
        {
            var conversation = workspace.ConversationUnlocked(id) ?? throw ApiException.NotFound("not_found", "Resource Not Found");
            return JsonBody.Create(w => ConversationJson.Write(w, conversation, workspace, ConversationJson.RecentParts(conversation), plainText: false));
        }
    }

    private static string Html(string text) => text.StartsWith('<') ? text : $"<p>{System.Net.WebUtility.HtmlEncode(text)}</p>";

    private static IResult Guard(Func<IResult> handle)
    {
        try
        {
            return handle();
        }
        catch (ApiException error)
        {
            return JsonBody.Error(error.Status, error.Code, error.Message, error.Field);
        }
        catch (KeyNotFoundException error)
        {
            return JsonBody.Error(404, "not_found", error.Message);
        }
    }
}
