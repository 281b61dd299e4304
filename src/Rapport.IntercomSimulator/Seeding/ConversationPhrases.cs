namespace Rapport.IntercomSimulator.Seeding;

/// <summary>Message bodies for seeded and live conversations: cheap array picks, a few accents, CJK and emoji included.</summary>
internal static class ConversationPhrases
{
    public static readonly string[] Questions =
    [
        "Hi, I can't log in since this morning.", "How do I export my reports to CSV?", "Is there a way to add more seats to our plan?",
        "The dashboard is very slow today.", "Can you help me set up SSO?", "We were charged twice this month.",
        "Bonjour, la synchronisation ne fonctionne plus.", "Wie kann ich mein Passwort zurücksetzen?", "請問如何更改帳單地址？",
        "Our API key stopped working 😕", "Where can I find the invoice for March?", "Can I invite a teammate as read-only?",
    ];

    public static readonly string[] UserReplies =
    [
        "Thanks, that worked!", "Still not working, sorry.", "Here is a screenshot.", "Great, thank you so much 🙏",
        "Could you check again?", "Merci beaucoup !", "OK, I will try that.", "Any update on this?",
    ];

    public static readonly string[] AdminReplies =
    [
        "Thanks for reaching out! Let me look into this.", "Could you send me a screenshot of the error?",
        "I've reset it on our side, can you try again?", "That's fixed now, sorry for the trouble.",
        "You can do it from Settings → Billing.", "I've passed this on to our engineering team.",
    ];

    public static readonly string[] BotReplies =
    [
        "Hi there 👋 I'm Fin, an AI agent. I can help with most questions.", "Here's an article that might help: Exporting reports.",
        "Did that answer your question?", "I'll pass you to the team, they'll reply as soon as they can.",
    ];

    public static readonly string[] Notes =
    [
        "Customer is on the Enterprise trial.", "Linked to the login incident of this morning.", "Escalated to billing.", "VIP: reply within the hour.",
    ];

    public static readonly string[] Outbound =
    [
        "Welcome aboard! Here are three tips to get started.", "Your trial ends in 3 days.", "New: scheduled reports are here 🎉",
        "How likely are you to recommend us to a friend?", "We've updated our terms of service.",
    ];

    public static readonly string[] EventNames =
    [
        "signed-in", "created-report", "invited-teammate", "exported-csv", "upgraded-plan", "viewed-dashboard", "created-api-key", "commenté-un-rapport",
    ];

    public static string Html(string text) => $"<p>{System.Net.WebUtility.HtmlEncode(text)}</p>";

    public static string Pick(Random random, string[] pool) => Html(pool[random.Next(pool.Length)]);
}
