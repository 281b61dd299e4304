using Rapport.IntercomSimulator;
using Rapport.IntercomSimulator.Conversations;
using Rapport.Web.Tests.Conversations;

namespace Rapport.Web.Tests.Messaging;

/// <summary>
/// A live hub (imported, connected, webhooks on) with a stored conversation of an imported user, a Team Member mapped to an
/// Intercom admin with an inbox seat and one mapped to an admin without, each with an API token.
/// </summary>
internal sealed class MessagingHub(LiveConversationHub live, SimulatedConversation conversation, SimulatedAdmin seated, HttpClient seatedApi)
    : IAsyncDisposable
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public LiveConversationHub Live { get; } = live;

    public SimulatorWorkspace Workspace => Live.Workspace;

    public SimulatedConversation Conversation { get; } = conversation;

    public SimulatedAdmin Seated { get; } = seated;

    /// <summary>The seat-holding Team Member's API client.</summary>
    public HttpClient SeatedApi { get; } = seatedApi;

    public static async Task<MessagingHub> StartAsync()
    {
        var live = await LiveConversationHub.StartAsync();
        var conversation = live.Workspace.AddConversation(live.Contact.Id, "<p>Can I export invoices?</p>");
        await live.StoredAsync(conversation.Id, _ => true);
        var seated = live.Workspace.Admins.First(a => a.HasInboxSeat);
        var (email, password) = await live.Hub.AddMappedTeammateAsync(TeamRole.TeamMember, seated.Email);
        return new MessagingHub(live, conversation, seated, await live.Hub.TokenClientAsync(email, password));
    }

    /// <summary>An API client of a Team Member mapped to <paramref name="intercomAdminEmail"/>.</summary>
    public async Task<HttpClient> TeamMemberApiAsync(string? intercomAdminEmail)
    {
        var (email, password) = await Live.Hub.AddMappedTeammateAsync(TeamRole.TeamMember, intercomAdminEmail);
        return await Live.Hub.TokenClientAsync(email, password);
    }

    public static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient api, string url, object body)
    {
        using var response = await api.PostAsJsonAsync(url, body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The simulator's parts of <paramref name="conversationId"/> with <paramref name="body"/> as their text.</summary>
    public List<SimulatedConversationPart> IntercomParts(string conversationId, string body) =>
        [.. Workspace.FindConversation(conversationId)!.Parts.Where(p => p.Body is { } b && b.Contains(body, StringComparison.Ordinal))];

    public ValueTask DisposeAsync() => Live.DisposeAsync();
}
