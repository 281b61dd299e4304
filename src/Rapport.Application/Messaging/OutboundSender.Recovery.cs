using Rapport.Hub.Messaging;
using Rapport.Intercom;
using Rapport.Hub.Accounts;
using Rapport.Hub.Conversations;
using Rapport.Hub.Playbooks;

namespace Rapport.Application.Messaging;

public sealed partial class OutboundSender
{
    /// <summary>
    /// A send claimed before whose worker died or got no answer: if Intercom holds it (a part by its admin, of its type,
    /// with its text, made since it was queued; or a conversation that admin opened with that contact since), it is marked
    /// sent with that id instead of being sent twice.
    /// </summary>
    private async Task<bool> FindLandedAsync(IntercomClient client, OutboundSend send, CancellationToken cancellationToken)
    {
        var since = send.QueuedAt.AddMinutes(-1);
        var html = OutboundText.ToHtml(send.Body, send.Kind == OutboundKinds.Message ? send.AttachmentUrls : null);
        if (send.Kind != OutboundKinds.Message)
        {
            IntercomConversation conversation;
            try
            {
                conversation = await client.GetConversationAsync(send.ConversationId!, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (IntercomNotFoundException)
            {
                return false; // sending will fail with Intercom's own words
            }

            var type = send.Kind == OutboundKinds.Note ? "note" : "comment";
            var part = conversation.Parts.LastOrDefault(p => p.PartType == type && p.Author?.Id == send.AdminId && p.CreatedAt >= since && SameText(p.Body, html));
            if (part is null)
                return false;
            await outboundStore.MarkOutboundSentAsync(send.Id, part.Id, send.ConversationId, cancellationToken).ConfigureAwait(false);
            await KeepAsync(client, conversation, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var query = IntercomSearchQuery.And(
            IntercomSearchQuery.Filter("source.author.id", "=", send.AdminId),
            IntercomSearchQuery.Filter("contact_ids", "=", send.ContactId),
            IntercomSearchQuery.Filter("created_at", ">", since.ToUnixTimeSeconds()));
        await foreach (var page in client.SearchConversationsAsync(query, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (page.Items.FirstOrDefault(c => c.Source?.DeliveredAs == "admin_initiated" && SameText(c.Source.Body, html)) is { } found)
            {
                await outboundStore.MarkOutboundSentAsync(send.Id, found.Source!.Id ?? found.Id, found.Id, cancellationToken).ConfigureAwait(false);
                await KeepAsync(client, await client.GetConversationAsync(found.Id, cancellationToken: cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return true;
            }
        }

        return false;
    }

    // Intercom may hand the body back reformatted: compare the words, not the markup.
    private static bool SameText(string? body, string html) =>
        string.Equals(ConversationTextOf(body), ConversationTextOf(html), StringComparison.Ordinal);

    private static string ConversationTextOf(string? html) =>
        string.Join(' ', System.Text.RegularExpressions.Regex.Replace(System.Net.WebUtility.HtmlDecode(
            System.Text.RegularExpressions.Regex.Replace(html ?? "", "<[^>]+>", " ")), @"\s+", " ").Trim());
}
