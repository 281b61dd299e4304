using System.Globalization;
using Rapport.IntercomSimulator.Conversations;

namespace Rapport.IntercomSimulator.Seeding;

internal static partial class WorkspaceSeeder
{
    // Shares of the seeded conversations by origin (source.delivered_as, source.type): most are inbound
    // chats; outbound emails, posts and tickets are there so an importer has something to exclude.
    private static readonly (int Below, string DeliveredAs, string Type)[] Origins =
    [
        (55, "customer_initiated", "conversation"),
        (65, "operator_initiated", "conversation"),
        (73, "automated", "email"),
        (79, "campaigns_initiated", "push"),
        (84, "campaigns_initiated", "conversation"),
        (90, "admin_initiated", "conversation"),
        (95, "customer_initiated", "email"),
        (100, "admin_initiated", "email"),
    ];

    /// <summary>Conversations for about a quarter of the contacts, a few tickets, and one conversation past the 500-part cap
    /// per 10,000 contacts (at least one). A separate Random keeps the companies and contacts of a seed unchanged.</summary>
    private static void SeedConversations(SimulatorWorkspace workspace, int seed, DateTimeOffset now)
    {
        var random = new Random(seed * 7 + 3);
        var contacts = workspace.ContactList;
        if (contacts.Count == 0 || workspace.AdminList.Count == 0) { return; }
        foreach (var contact in contacts.ToArray())
        {
            if (random.Next(100) >= 25) { continue; }
            for (var n = random.Next(100) < 75 ? 1 : 2 + random.Next(2); n > 0; n--)
            {
                var roll = random.Next(100);
                var origin = Array.Find(Origins, o => roll < o.Below);
                SeedConversation(workspace, random, contact, origin.DeliveredAs, origin.Type, now, random.Next(11));
            }
        }

        if (contacts.Count < 50) { return; }
        for (var i = 0; i < Math.Max(1, contacts.Count / 10_000); i++)
        {
            SeedConversation(workspace, random, contacts[random.Next(contacts.Count)], "customer_initiated", "conversation", now, 520 + random.Next(200));
        }

        for (var i = 0; i < Math.Max(2, contacts.Count / 2_000); i++)
        {
            var ticket = SeedConversation(workspace, random, contacts[random.Next(contacts.Count)], i % 2 == 0 ? "customer_initiated" : "admin_initiated", "conversation", now, 3);
            var category = i % 3 == 2 ? "Back-office" : "Customer";
            ticket.Ticket = new SimulatedTicket(ticket.Id, (i + 1).ToString(CultureInfo.InvariantCulture), category, i % 2 == 0 ? "Bug report" : "Feature request", "submitted");
            ticket.Title = i % 2 == 0 ? "Export fails with large reports" : "Allow read-only teammates";
            var admin = workspace.AdminList[random.Next(workspace.AdminList.Count)];
            ticket.Parts.Add(new SimulatedConversationPart(workspace.NewPartId(), "ticket_state_updated_by_admin", null, ticket.UpdatedAt, SimulatedAuthor.For(admin)) { State = ticket.State });
        }
    }

    private static SimulatedConversation SeedConversation(
        SimulatorWorkspace workspace, Random random, SimulatedContact contact, string deliveredAs, string type, DateTimeOffset now, int partCount)
    {
        var admins = workspace.AdminList;
        var admin = admins[random.Next(admins.Count)];
        var byContact = deliveredAs == "customer_initiated";
        var author = deliveredAs switch
        {
            "customer_initiated" => SimulatedAuthor.For(contact),
            "operator_initiated" => workspace.Bot,
            _ => SimulatedAuthor.For(admin),
        };
        var start = Between(contact.CreatedAt, now.AddMinutes(-partCount * 30 - 60), random);
        var body = ConversationPhrases.Pick(random, byContact ? ConversationPhrases.Questions : deliveredAs == "operator_initiated" ? ConversationPhrases.BotReplies : ConversationPhrases.Outbound);
        var attachments = byContact && random.Next(10) == 0 ? Screenshot(random) : [];
        var source = new SimulatedConversationSource(workspace.NewPartId(), type, deliveredAs, type == "email" ? "Re: your account" : "", body, author, attachments);
        var conversation = new SimulatedConversation(workspace.NewConversationId(), source) { CreatedAt = start, UpdatedAt = start, Read = true };
        conversation.ContactIds.Add(contact.Id);
        if (author.Type == "admin") { conversation.TeammateIds.Add(admin.Id); }

        var at = start;
        var state = "open";
        for (var i = 0; i < partCount; i++)
        {
            at = at.AddMinutes(1 + random.Next(25)) is var next && next < now ? next : now;
            var last = i == partCount - 1 && partCount > 2;
            var (partType, partAuthor, text) = last
                ? (random.Next(10) switch { < 6 => "close", < 7 => "snoozed", _ => "comment" }, SimulatedAuthor.For(admin), (string?)null)
                : NextPart(workspace, random, contact, admin, i);
            if (partType == "comment" && text is null) { text = ConversationPhrases.Pick(random, ConversationPhrases.AdminReplies); }
            state = partType switch { "close" => "closed", "snoozed" => "snoozed", "open" => "open", _ when partAuthor.Type is "user" or "lead" => "open", _ => state };
            if (partType == "assignment") { conversation.AdminAssigneeId = admin.Id; conversation.CountAssignments++; }
            if (partAuthor.Type == "bot") { conversation.AiAgentParticipated = true; }
            if (partAuthor.Type == "admin" && !conversation.TeammateIds.Contains(partAuthor.Id)) { conversation.TeammateIds.Add(partAuthor.Id); }
            conversation.Parts.Add(new SimulatedConversationPart(workspace.NewPartId(), partType, text, at, partAuthor)
            {
                Attachments = partType == "comment" && random.Next(20) == 0 ? Screenshot(random) : [],
                AssignedToAdminId = partType == "assignment" ? admin.Id : null,
                State = state,
            });
        }

        conversation.State = state;
        conversation.SnoozedUntil = state == "snoozed" ? now.AddDays(1 + random.Next(3)) : null;
        conversation.UpdatedAt = at;
        conversation.Priority = random.Next(20) == 0 ? "high" : "none";
        var lastComment = conversation.Parts.FindLast(p => p.PartType == "comment");
        conversation.Read = lastComment is null || lastComment.Author.Type is not ("user" or "lead");
        conversation.WaitingSince = state == "open" && !conversation.Read ? lastComment?.CreatedAt : null;
        workspace.InsertConversation(conversation);
        return conversation;
    }

    private static (string PartType, SimulatedAuthor Author, string? Body) NextPart(SimulatorWorkspace workspace, Random random, SimulatedContact contact, SimulatedAdmin admin, int index) =>
        (index, random.Next(20)) switch
        {
            (0, < 6) => ("comment", workspace.Bot, ConversationPhrases.Pick(random, ConversationPhrases.BotReplies)),
            (0 or 1, < 9) => ("assignment", SimulatedAuthor.For(admin), null),
            (_, < 2) => ("note", SimulatedAuthor.For(admin), ConversationPhrases.Pick(random, ConversationPhrases.Notes)),
            (_, < 11) => ("comment", SimulatedAuthor.For(contact), ConversationPhrases.Pick(random, ConversationPhrases.UserReplies)),
            _ => ("comment", SimulatedAuthor.For(admin), ConversationPhrases.Pick(random, ConversationPhrases.AdminReplies)),
        };

    private static SimulatedAttachment[] Screenshot(Random random)
    {
        var n = random.Next(1_000_000);
        return [new SimulatedAttachment(Invariant($"screenshot-{n}.png"), Invariant($"https://downloads.intercomcdn.example/i/o/{n}/screenshot.png"), "image/png", 20_000 + random.Next(500_000), 1280, 800)];
    }
}
