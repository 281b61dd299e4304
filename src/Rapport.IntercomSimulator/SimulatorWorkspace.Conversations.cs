using System.Globalization;
using Rapport.IntercomSimulator.Conversations;

namespace Rapport.IntercomSimulator;

/// <summary>Conversations and their parts. Every new part bumps the conversation's <c>updated_at</c> and notifies with the
/// topic its kind and author imply (Intercom's webhook topics).</summary>
public sealed partial class SimulatorWorkspace
{
    /// <summary>Fin's admin id: bots post as an admin-like author of type <c>bot</c> (spec conversation_part examples).</summary>
    internal const string BotId = "991267399";

    private readonly List<SimulatedConversation> _conversations = []; // creation order
    private readonly Dictionary<string, SimulatedConversation> _conversationsById = new(StringComparer.Ordinal);
    private long _conversationCounter = 100;
    private long _partCounter = 1000;

    public IReadOnlyList<SimulatedConversation> Conversations { get { lock (Sync) { return [.. _conversations]; } } }

    /// <summary>The bot author (Fin) of operator parts.</summary>
    public SimulatedAuthor Bot => new("bot", BotId, "Fin", $"operator+{AppId}@intercom.io");

    internal List<SimulatedConversation> ConversationList => _conversations;

    public SimulatedConversation? FindConversation(string id)
    {
        lock (Sync) { return _conversationsById.GetValueOrDefault(id); }
    }

    /// <summary>
    /// Starts a conversation with <paramref name="contactId"/>. The author defaults to the contact for customer-initiated
    /// conversations, to the bot for operator-initiated ones and to the first admin otherwise.
    /// </summary>
    public SimulatedConversation AddConversation(
        string contactId,
        string body,
        string deliveredAs = "customer_initiated",
        string sourceType = "conversation",
        SimulatedAuthor? author = null,
        Action<SimulatedConversation>? configure = null)
    {
        lock (Sync)
        {
            var contact = GetContact(contactId);
            author ??= deliveredAs switch
            {
                "customer_initiated" => SimulatedAuthor.For(contact),
                "operator_initiated" => Bot,
                _ => SimulatedAuthor.For(_admins[0]),
            };
            using var batch = BeginChanges();
            var source = new SimulatedConversationSource(NewPartId(), sourceType, deliveredAs, "", body, author, []);
            var conversation = new SimulatedConversation(NewConversationId(), source) { CreatedAt = Now, UpdatedAt = Now };
            conversation.ContactIds.Add(contact.Id);
            if (author.Type == "admin") { conversation.TeammateIds.Add(author.Id); }
            if (author.Type is "user" or "lead") { conversation.WaitingSince = Now; }
            configure?.Invoke(conversation);
            InsertConversation(conversation);
            Record(WorkspaceChangeKind.ConversationCreated, conversation.Id);
            return conversation;
        }
    }

    /// <summary>A comment by a contact, an admin or the bot. A contact's reply reopens a closed or snoozed conversation.</summary>
    public SimulatedConversationPart Reply(string conversationId, SimulatedAuthor author, string body, IReadOnlyList<SimulatedAttachment>? attachments = null) =>
        AddPart(conversationId, "comment", author, body, attachments);

    public SimulatedConversationPart AddNote(string conversationId, string adminId, string body) =>
        AddPart(conversationId, "note", AdminAuthor(adminId), body);

    public SimulatedConversationPart Close(string conversationId, string adminId) =>
        AddPart(conversationId, "close", AdminAuthor(adminId), null);

    public SimulatedConversationPart Reopen(string conversationId, string adminId) =>
        AddPart(conversationId, "open", AdminAuthor(adminId), null);

    public SimulatedConversationPart Snooze(string conversationId, string adminId, DateTimeOffset until) =>
        AddPart(conversationId, "snoozed", AdminAuthor(adminId), null, snoozedUntil: until);

    public SimulatedConversationPart Assign(string conversationId, string adminId, string assigneeId) =>
        AddPart(conversationId, "assignment", AdminAuthor(adminId), null, assignTo: assigneeId);

    public void DeleteConversation(string id)
    {
        lock (Sync)
        {
            var conversation = _conversationsById.GetValueOrDefault(id) ?? throw new KeyNotFoundException($"No conversation with id '{id}'.");
            using var batch = BeginChanges();
            _conversations.Remove(conversation);
            _conversationsById.Remove(id);
            Record(WorkspaceChangeKind.ConversationDeleted, id);
        }
    }

    internal SimulatedConversation? ConversationUnlocked(string id) => _conversationsById.GetValueOrDefault(id);

    /// <summary>Seeding only: no change is recorded and the timestamps are the caller's.</summary>
    internal void InsertConversation(SimulatedConversation conversation)
    {
        _conversations.Add(conversation);
        _conversationsById[conversation.Id] = conversation;
    }

    internal string NewConversationId() => (++_conversationCounter).ToString(CultureInfo.InvariantCulture);

    internal string NewPartId() => (++_partCounter).ToString(CultureInfo.InvariantCulture);

    private SimulatedAuthor AdminAuthor(string adminId) =>
        _admins.Find(a => a.Id == adminId) is { } admin ? SimulatedAuthor.For(admin)
        : adminId == BotId ? Bot
        : throw new KeyNotFoundException($"No admin with id '{adminId}'.");

    private SimulatedConversationPart AddPart(
        string conversationId, string partType, SimulatedAuthor author, string? body,
        IReadOnlyList<SimulatedAttachment>? attachments = null, string? assignTo = null, DateTimeOffset? snoozedUntil = null)
    {
        lock (Sync)
        {
            var conversation = _conversationsById.GetValueOrDefault(conversationId) ?? throw new KeyNotFoundException($"No conversation with id '{conversationId}'.");
            using var batch = BeginChanges();
            var byContact = author.Type is "user" or "lead";
            var state = (partType, byContact) switch
            {
                ("close", _) => "closed",
                ("snoozed", _) => "snoozed",
                ("open", _) or ("comment", true) => "open",
                _ => conversation.State,
            };
            if (partType == "open" || (byContact && conversation.State == "closed")) { conversation.CountReopens++; }
            if (partType == "assignment") { conversation.CountAssignments++; conversation.AdminAssigneeId = assignTo; }
            conversation.State = state;
            conversation.SnoozedUntil = state == "snoozed" ? snoozedUntil : null;
            if (byContact && partType == "comment") { conversation.WaitingSince ??= Now; }
            if (author.Type is "admin" or "bot" && partType == "comment") { conversation.WaitingSince = null; }
            if (author.Type == "admin" && !conversation.TeammateIds.Contains(author.Id)) { conversation.TeammateIds.Add(author.Id); }
            if (author.Type == "bot") { conversation.AiAgentParticipated = true; }
            conversation.Read = !byContact;
            var part = new SimulatedConversationPart(NewPartId(), partType, body, Now, author)
            {
                Attachments = attachments ?? [],
                AssignedToAdminId = assignTo,
                State = state,
            };
            conversation.Parts.Add(part);
            conversation.UpdatedAt = Now;
            Record(WorkspaceChangeKind.ConversationPartAdded, conversation.Id, part.Id);
            return part;
        }
    }
}
