using Rapport.Hub.Messaging;
using Rapport.Intercom;
using Rapport.Intercom.Messaging;
using Rapport.Application.Conversations;
using Rapport.Application.Settings;
using Rapport.Hub.Accounts;
using Rapport.Hub.Conversations;
using Rapport.Hub.Playbooks;
using Rapport.Hub.Sync;

namespace Rapport.Application.Messaging;

/// <summary>
/// Sends claimed sends to Intercom, once each. Intercom's reply and message endpoints take no idempotency key, so a send a
/// previous worker may have delivered (<see cref="OutboundSend.Attempts"/> above one) is looked for in Intercom first and only
/// sent when it is not there. The conversation Intercom answers with goes through the import's own path at once, so the part
/// shows confirmed before the webhook echo arrives, and the echo, carrying the same part id, adds nothing.
/// </summary>
public sealed partial class OutboundSender(IBrowseStore browseStore, IConversationStore conversationStore, IOutboundStore outboundStore, IPlaybookStore playbookStore, ISyncStateStore syncState, TimeProvider timeProvider)
{
    /// <summary>How long a claimed send is this worker's: renewed every third of it while sending (the client may wait out a
    /// rate-limit window), so only a worker that died lets it go, and another node takes it over within this time.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Claims and sends until nothing is claimable; returns how many sends it handled.</summary>
    public async Task<int> DrainAsync(IntercomClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var total = 0;
        while (true)
        {
            var batch = await outboundStore.ClaimOutboundAsync(10, Lease, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
                return total;
            foreach (var send in batch)
                await SendAsync(client, send, cancellationToken).ConfigureAwait(false);
            total += batch.Count;
        }
    }

    private async Task SendAsync(IntercomClient client, OutboundSend send, CancellationToken cancellationToken)
    {
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = RenewAsync(send.Id, sending.Token);
        try
        {
            await SendOnceAsync(client, send, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await sending.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RenewAsync(long id, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(Lease / 3, timeProvider, cancellationToken).ConfigureAwait(false);
            await outboundStore.RenewOutboundAsync(id, Lease, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendOnceAsync(IntercomClient client, OutboundSend send, CancellationToken cancellationToken)
    {
        try
        {
            if (send.Attempts > 1 && await FindLandedAsync(client, send, cancellationToken).ConfigureAwait(false))
                return;
            if (await RefuseDisabledPlaybookAsync(send, cancellationToken).ConfigureAwait(false)
                || await HoldForQuietHoursAsync(send, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (send.Kind == OutboundKinds.Message)
                await SendMessageAsync(client, send, cancellationToken).ConfigureAwait(false);
            else
                await SendReplyAsync(client, send, cancellationToken).ConfigureAwait(false);
        }
        catch (IntercomApiException refused) when (refused is not (IntercomRateLimitException or IntercomUnauthorizedException) && (int)refused.StatusCode is >= 400 and < 500)
        {
            await outboundStore.MarkOutboundFailedAsync(send.Id, Refusal(send, refused), cancellationToken).ConfigureAwait(false);
        }
        catch (IntercomException error)
        {
            // No answer, a 5xx, the rate limit or a refused token: it may or may not have landed, so the next attempt looks first.
            await outboundStore.DeferOutboundAsync(send.Id, error.Message, RetryAfter, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendReplyAsync(IntercomClient client, OutboundSend send, CancellationToken cancellationToken)
    {
        var conversationId = send.ConversationId ?? throw new InvalidOperationException($"Send {send.Id} is a reply without a conversation.");
        var conversation = await client.ReplyToConversationAsync(conversationId, new IntercomAdminReply
        {
            AdminId = send.AdminId,
            MessageType = send.Kind == OutboundKinds.Note ? "note" : "comment",
            Body = OutboundText.ToHtml(send.Body),
            AttachmentUrls = send.AttachmentUrls,
        }, cancellationToken).ConfigureAwait(false);
        var part = NewPart(conversation, send) ?? throw new IntercomInvalidResponseException(
            $"POST /conversations/{conversationId}/reply", "the conversation returned holds no part by this admin");
        await outboundStore.MarkOutboundSentAsync(send.Id, part.Id, conversationId, cancellationToken).ConfigureAwait(false);
        await KeepAsync(client, conversation, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendMessageAsync(IntercomClient client, OutboundSend send, CancellationToken cancellationToken)
    {
        var message = await client.CreateMessageAsync(new IntercomMessageCreate
        {
            MessageType = send.Channel ?? "in_app",
            FromAdminId = send.AdminId,
            ToContactId = send.ContactId ?? throw new InvalidOperationException($"Send {send.Id} is a message without a contact."),
            Subject = send.Channel == "email" ? send.Subject : null,
            // The endpoint has no attachment field: the teammate agreed, before queueing, to send them as links.
            Body = OutboundText.ToHtml(send.Body, send.AttachmentUrls),
        }, cancellationToken).ConfigureAwait(false);
        await outboundStore.MarkOutboundSentAsync(send.Id, message.Id, message.ConversationId, cancellationToken).ConfigureAwait(false);
        if (message.ConversationId is { } conversationId)
            await KeepAsync(client, await client.GetConversationAsync(conversationId, cancellationToken: cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The part this send made: the newest of its type by its admin (Intercom returns the conversation, not the part).</summary>
    private static IntercomConversationPart? NewPart(IntercomConversation conversation, OutboundSend send)
    {
        var type = send.Kind == OutboundKinds.Note ? "note" : "comment";
        return conversation.Parts.LastOrDefault(p => p.PartType == type && p.Author?.Id == send.AdminId);
    }

    /// <summary>Stores what Intercom answered through the import's path, with the users it attaches to.</summary>
    private async Task KeepAsync(IntercomClient client, IntercomConversation conversation, CancellationToken cancellationToken)
    {
        var settings = await IntercomIntegrationSettings.LoadAsync(syncState, cancellationToken).ConfigureAwait(false);
        var attached = await new ConversationAttacher(client, conversationStore, syncState, settings.ImportUsersAndCompanies).AttachAsync([conversation], cancellationToken).ConfigureAwait(false);
        var source = ConversationMapping.ToSource(conversation, attached.Users[conversation.Id]);
        await conversationStore.ApplyConversationsAsync([source], [], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string Refusal(OutboundSend send, IntercomApiException refused)
    {
        var what = refused.ErrorMessage ?? refused.ErrorCode ?? $"HTTP {(int)refused.StatusCode}";
        return refused switch
        {
            IntercomNotFoundException when refused.ErrorCode == "admin_not_found" => $"Intercom does not know the sending admin {send.AdminId}: {what}.",
            IntercomNotFoundException when send.Kind != OutboundKinds.Message => $"The conversation {send.ConversationId} no longer exists in Intercom (deleted?): {what}. Nothing was sent.",
            IntercomNotFoundException => $"Intercom does not know the contact {send.ContactId}: {what}. Nothing was sent.",
            _ => $"Intercom refused it: {what}. Nothing was sent.",
        };
    }
}
