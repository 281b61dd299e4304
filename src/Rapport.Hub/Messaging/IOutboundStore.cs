namespace Rapport.Hub.Messaging;

/// <summary>The outbound queue: messages Rapport sends through Intercom, claimed by workers with a lease, sent at most once.</summary>
public interface IOutboundStore
{
    /// <summary>Queues <paramref name="request"/> unless its idempotency key is already queued; returns the row either way.</summary>
    Task<(OutboundSend Send, bool Added)> QueueOutboundAsync(OutboundRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="limit"/> sends to send now: queued ones, and 'sending' ones whose lease ran out (their
    /// worker died or Intercom did not answer), oldest first; each is leased for <paramref name="lease"/>.
    /// </summary>
    Task<IReadOnlyList<OutboundSend>> ClaimOutboundAsync(int limit, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>No answer from Intercom: tried again after <paramref name="retryAfter"/>, checking first whether it landed.</summary>
    Task DeferOutboundAsync(long id, string error, TimeSpan retryAfter, CancellationToken cancellationToken = default);

    Task<OutboundSend?> GetOutboundAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Sends on a conversation (replies and notes, and the message that opened it), oldest first.</summary>
    Task<IReadOnlyList<OutboundSend>> ListConversationOutboundAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Conversations Rapport opened with a message: they are kept even when Intercom's own outbound emails are left out.</summary>
    Task<IReadOnlySet<string>> ListConversationsStartedByRapportAsync(CancellationToken cancellationToken = default);

    /// <summary>The most recent sends, newest first.</summary>
    Task<IReadOnlyList<OutboundSend>> ListOutboundAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Intercom refused it: it is never sent again. A send already sent stays sent (a later step, such as storing
    /// Intercom's answer, may fail without undoing it).</summary>
    Task MarkOutboundFailedAsync(long id, string error, CancellationToken cancellationToken = default);

    Task MarkOutboundSentAsync(long id, string intercomId, string? conversationId, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease of a send still being sent, so no other node takes it over while this one is alive.</summary>
    Task RenewOutboundAsync(long id, TimeSpan lease, CancellationToken cancellationToken = default);
}
