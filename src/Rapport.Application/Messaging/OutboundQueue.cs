using Rapport.Application.Accounts;
using Rapport.Hub.Messaging;
using Rapport.Hub.Accounts;
using Rapport.Hub.Conversations;
using Rapport.Hub.Team;

namespace Rapport.Application.Messaging;

/// <summary>A reply, note or message as a teammate asks for it, from a page or the API.</summary>
/// <param name="IdempotencyKey">The same key queues once; null makes a new one.</param>
/// <param name="SendAttachmentsAsLinks">For a message: the teammate agreed that attachments go as links in the body.</param>
public sealed record OutboundInput(
    string Kind, string? Body, string? Channel = null, string? Subject = null, IReadOnlyList<string>? AttachmentUrls = null,
    bool SendAttachmentsAsLinks = false, string? IdempotencyKey = null);

/// <summary>What queueing came to: the send, or why nothing was queued (<see cref="Status"/> as an HTTP status).</summary>
public sealed record QueueOutcome(OutboundSend? Send, int Status, string? Problem = null, string? Field = null);

/// <summary>
/// Checks a send (seat, target, content) and queues it: nothing reaches the queue that would be refused for a reason known
/// here, and nothing is sent that is not queued first. The worker does the sending.
/// </summary>
public sealed partial class OutboundQueue(AccountDirectory accounts, IConversationStore conversationStore, IOutboundStore outboundStore, ITeamStore teamStore, MessagingSeats seats, OutboundSignal signal, TimeProvider timeProvider)
{
    public async Task<QueueOutcome> ReplyAsync(long? teammateId, string conversationId, OutboundInput input, CancellationToken cancellationToken)
    {
        if (input.Kind is not (OutboundKinds.Reply or OutboundKinds.Note))
            return new(null, 400, "type must be comment (the customer sees it) or note (internal).", "type");
        if (await conversationStore.GetConversationAsync(IntercomSource.Name, conversationId, cancellationToken) is not { } view)
            return new(null, 404, $"There is no conversation with id {conversationId}.");
        var seat = await seats.CheckAsync(teammateId, cancellationToken);
        if (!seat.CanSend)
            return new(null, 403, seat.Reason);
        if (view.Conversation.DeletedAt is not null)
            return new(null, 409, "This conversation was deleted in Intercom: nothing can be added to it.");
        if (input.Kind == OutboundKinds.Reply && view.Conversation.State == "closed")
            return new(null, 409, "This conversation is closed in Intercom: reopen it there to reply, or add a note.");
        var first = view.Conversation.UserExternalIds.Count > 0 ? await accounts.FindUserAsync(view.Conversation.UserExternalIds[0], cancellationToken) : null;
        var recipient = first is null ? null : await accounts.GetUserAsync(first.Id.Value, cancellationToken);
        var (_, body, problem) = await RenderAsync(teammateId, recipient, null, input.Body, cancellationToken);
        if (problem is not null)
            return problem;
        return await QueueAsync(teammateId!.Value, seat, input with { Body = body }, conversationId, null, null, cancellationToken);
    }

    public async Task<QueueOutcome> MessageAsync(long? teammateId, long userId, OutboundInput input, CancellationToken cancellationToken)
    {
        if (await accounts.GetUserAsync(userId, cancellationToken) is not { } detail)
            return new(null, 404, $"There is no user with id {userId}.");
        var seat = await seats.CheckAsync(teammateId, cancellationToken);
        if (!seat.CanSend)
            return new(null, 403, seat.Reason);
        var contact = (await accounts.FindUserAsync(detail.ExternalId, cancellationToken))?.Sources.FirstOrDefault(s => s.Source == IntercomSource.Name);
        if (contact is null)
            return new(null, 409, $"{detail.Name ?? detail.ExternalId} has no Intercom contact: Intercom cannot message them.");
        var (subject, body, problem) = await RenderAsync(teammateId, detail, input.Subject, input.Body, cancellationToken);
        if (problem is not null)
            return problem;
        return await QueueAsync(teammateId!.Value, seat, input with { Kind = OutboundKinds.Message, Subject = subject, Body = body }, null, contact.SourceId, detail.ExternalId, cancellationToken);
    }

    /// <summary>The send once it has left the queue (sent or failed), or as it stands after <paramref name="within"/>.</summary>
    public async Task<OutboundSend> AwaitAsync(OutboundSend send, TimeSpan within, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + within;
        while (send.Status is OutboundStatuses.Queued or OutboundStatuses.Sending && timeProvider.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeProvider, cancellationToken);
            send = await outboundStore.GetOutboundAsync(send.Id, cancellationToken) ?? send;
        }

        return send;
    }

    private async Task<QueueOutcome> QueueAsync(
        long teammateId, SeatCheck seat, OutboundInput input, string? conversationId, string? contactId, string? userExternalId,
        CancellationToken cancellationToken)
    {
        var urls = input.AttachmentUrls ?? [];
        if (OutboundText.Problems(input.Kind, input.Channel, input.Subject, input.Body, urls, input.SendAttachmentsAsLinks) is [var (field, problem), ..])
            return new(null, 400, problem, field);
        var key = string.IsNullOrWhiteSpace(input.IdempotencyKey) ? Guid.NewGuid().ToString("N") : input.IdempotencyKey.Trim();
        var (send, _) = await outboundStore.QueueOutboundAsync(new OutboundRequest(
            key, input.Kind, teammateId, seat.Admin!.Id, conversationId, contactId, userExternalId,
            input.Kind == OutboundKinds.Message ? input.Channel : null, input.Kind == OutboundKinds.Message ? input.Subject?.Trim() : null,
            input.Body!.Trim(), urls), cancellationToken);
        signal.Wake();
        return new(send, 202);
    }
}
