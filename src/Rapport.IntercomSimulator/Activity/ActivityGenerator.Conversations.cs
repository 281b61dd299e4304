using Rapport.IntercomSimulator.Conversations;
using Rapport.IntercomSimulator.Seeding;

namespace Rapport.IntercomSimulator.Activity;

/// <summary>Live conversation traffic and data events: new conversations, user, admin and bot replies, notes, closes,
/// snoozes and reopens, each through the workspace so it notifies: a running demo keeps changing.</summary>
internal sealed partial class ActivityGenerator
{
    private bool ConversationStep(int roll) => roll switch
    {
        < 79 => ConversationStarted(),
        < 85 => Replied("user"),
        < 90 => Replied("admin"),
        < 93 => Replied("bot"),
        < 95 => Noted(),
        < 98 => Closed(),
        _ => SnoozedOrReopened(),
    };

    private bool EventTracked()
    {
        if (RandomContact("user") is not { } user) { return false; }
        var name = ConversationPhrases.EventNames[_random.Next(ConversationPhrases.EventNames.Length)];
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["source"] = _random.Next(2) == 0 ? "web" : "ios" };
        return workspace.TrackEvent(user.Id, name, workspace.Now, metadata);
    }

    private bool ConversationStarted()
    {
        if (RandomContact(_random.Next(5) == 0 ? "lead" : "user") is not { } contact) { return false; }
        workspace.AddConversation(contact.Id, ConversationPhrases.Pick(_random, ConversationPhrases.Questions));
        return true;
    }

    private bool Replied(string authorType)
    {
        if (RandomConversation() is not { } conversation) { return false; }
        var author = authorType switch
        {
            "bot" => workspace.Bot,
            "admin" => SimulatedAuthor.For(RandomAdmin()),
            _ => workspace.ContactUnlocked(conversation.ContactIds[0]) is { } contact ? SimulatedAuthor.For(contact) : null,
        };
        if (author is null) { return false; }
        var pool = authorType switch { "bot" => ConversationPhrases.BotReplies, "admin" => ConversationPhrases.AdminReplies, _ => ConversationPhrases.UserReplies };
        workspace.Reply(conversation.Id, author, ConversationPhrases.Pick(_random, pool));
        return true;
    }

    private bool Noted()
    {
        if (RandomConversation() is not { } conversation) { return false; }
        workspace.AddNote(conversation.Id, RandomAdmin().Id, ConversationPhrases.Pick(_random, ConversationPhrases.Notes));
        return true;
    }

    private bool Closed()
    {
        if (RandomConversation() is not { Open: true } conversation) { return false; }
        workspace.Close(conversation.Id, RandomAdmin().Id);
        return true;
    }

    private bool SnoozedOrReopened()
    {
        if (RandomConversation() is not { } conversation) { return false; }
        if (conversation.Open) { workspace.Snooze(conversation.Id, RandomAdmin().Id, workspace.Now.AddHours(4)); }
        else { workspace.Reopen(conversation.Id, RandomAdmin().Id); }
        return true;
    }

    // Recent conversations are the live ones: pick among the last 200 created.
    private SimulatedConversation? RandomConversation()
    {
        var conversations = workspace.ConversationList;
        if (conversations.Count == 0) { return null; }
        var window = Math.Min(200, conversations.Count);
        return conversations[conversations.Count - 1 - _random.Next(window)];
    }

    private SimulatedAdmin RandomAdmin() => workspace.AdminList[_random.Next(workspace.AdminList.Count)];
}
