using System.Text;
using System.Text.Json;
using Rapport.Hub.Webhooks;
using Rapport.Intercom.Webhooks;
using Rapport.Application.Conversations;
using Rapport.Application.Import;
using Rapport.Hub.Conversations;
using Rapport.Hub.Events;
using Rapport.Hub.Messaging;
using Rapport.Hub.Model;
using Rapport.Hub.Sources;
using Rapport.Hub.Sync;

namespace Rapport.Application.Webhooks;

/// <summary>
/// Drains the webhook inbox in received order and applies company, contact, conversation and <c>event.created</c>
/// topics through the import's own mapping (<see cref="IntercomMapping"/>, <see cref="CompanyQualifier"/>), so a
/// webhook stores exactly what the backfill would. Order is not guaranteed by Intercom (Intercom's webhook
/// documentation): an object older than the stored one is skipped, never written. Other topics are marked "not handled
/// yet" and, like every applied notification, kept for the inbox retention.
/// </summary>
public sealed partial class IntercomWebhookApplier(IConversationStore conversationStore, IEventStore eventStore, IModelStore modelStore, IOutboundStore outboundStore, ISourceStore sourceStore, ISyncStateStore syncState, IWebhookInboxStore inboxStore, TimeProvider timeProvider)
{
    public const string NotHandledYet = "not handled yet";
    public const string OlderThanStored = "older than stored";
    public const string DeletedReason = "deleted in Intercom";
    private const string WebhookRunId = "webhook";

    public int BatchSize { get; init; } = 200;
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Applies batches until the inbox has nothing claimable; returns how many notifications it took.</summary>
    public async Task<int> DrainAsync(WebhookApplyContext context, CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var batch = await inboxStore.ClaimInboxAsync(BatchSize, Lease, MaxAttempts, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
                return total;
            await ApplyBatchAsync(batch, context, cancellationToken).ConfigureAwait(false);
            total += batch.Count;
        }
    }

    private async Task ApplyBatchAsync(IReadOnlyList<InboxItem> batch, WebhookApplyContext context, CancellationToken cancellationToken)
    {
        var runId = await CurrentRunIdAsync(cancellationToken).ConfigureAwait(false);
        var qualifier = context.Settings.ImportUsersAndCompanies ? new CompanyQualifier(context.Settings.ToImportOptions(), timeProvider) : null;
        var done = new List<(long Id, string Outcome)>(batch.Count);
        var applied = new List<IntercomNotification>(batch.Count);
        var changed = false;
        // One attacher per batch: it remembers the contact emails it had to read.
        _attacher = new ConversationAttacher(context.Client, conversationStore, syncState, context.Settings.ImportUsersAndCompanies);
        foreach (var item in batch)
        {
            try
            {
                var notification = IntercomNotification.Parse(Encoding.UTF8.GetBytes(item.Notification.Body));
                var (outcome, wrote) = await ApplyAsync(item.Id, notification, context, qualifier, runId, cancellationToken).ConfigureAwait(false);
                applied.Add(notification);
                done.Add((item.Id, outcome));
                changed |= wrote;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await inboxStore.MarkInboxFailedAsync(item.Id, error.Message, RetryAfter, cancellationToken).ConfigureAwait(false);
            }
        }

        try
        {
            // Users and memberships follow the mirror: once per batch, and only for the users the batch touched, so a
            // notification costs the same in a workspace of a thousand contacts as in one of a million.
            if (changed)
                await sourceStore.DeriveUsersAsync(IntercomSource.Name, _touchedUsers, _touchedCompanies, cancellationToken).ConfigureAwait(false);
            await StoreEventsAsync(done, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            foreach (var (id, _) in done)
                await inboxStore.MarkInboxFailedAsync(id, $"deriving users failed: {error.Message}", RetryAfter, cancellationToken).ConfigureAwait(false);
            return;
        }
        finally
        {
            _touchedUsers.Clear();
            _touchedCompanies.Clear();
            _pendingEvents.Clear();
            _eventsEnabledAt = null;
            _attacher = null;
        }

        await inboxStore.MarkInboxAppliedAsync(done, cancellationToken).ConfigureAwait(false);
        await RecomputeTouchedAsync(applied, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string Outcome, bool Wrote)> ApplyAsync(
        long inboxId, IntercomNotification notification, WebhookApplyContext context, CompanyQualifier? qualifier, string runId,
        CancellationToken cancellationToken)
    {
        if (context.AppId is { } appId && notification.AppId != appId)
            return ("another workspace", false);
        if (notification.Topic == "ping")
            return ("ping", false);
        // Conversations come in with Import users and companies off too (attached by email); events need Import event data.
        if (notification.Topic.StartsWith("conversation.", StringComparison.Ordinal))
            return await ApplyConversationTopicAsync(notification, context, cancellationToken).ConfigureAwait(false);
        if (notification.Topic == "event.created")
            return await ApplyEventAsync(inboxId, notification, context, cancellationToken).ConfigureAwait(false);
        if (qualifier is null)
            return ("import of users and companies is off", false);

        return notification.Topic switch
        {
            "company.created" or "company.updated" => await ApplyCompanyAsync(notification.Item, context, qualifier, runId, cancellationToken).ConfigureAwait(false),
            "company.deleted" => await DeleteCompanyAsync(notification.Item, cancellationToken).ConfigureAwait(false),
            "contact.user.created" or "contact.user.updated" => await ApplyContactAsync(notification.Item, context, runId, cancellationToken).ConfigureAwait(false),
            "company.contact.attached" or "company.contact.detached" =>
                await ApplyContactCompanyAsync(notification.Item, context, qualifier, runId, cancellationToken).ConfigureAwait(false),
            "contact.user.tag.created" or "contact.user.tag.deleted" =>
                await ApplyWrappedContactAsync(notification.Item, context, runId, cancellationToken).ConfigureAwait(false),
            // A lead is not mirrored: a user that became one (or was deleted) leaves the mirror.
            "contact.deleted" or "contact.lead.created" or "contact.lead.updated" or "contact.lead.tag.created" or "contact.lead.tag.deleted" =>
                await ForgetContactAsync(notification.Item, cancellationToken).ConfigureAwait(false),
            _ => (NotHandledYet, false),
        };
    }

    /// <summary>A webhook that lands during an import is stamped with that run, so the run's end does not take it for unseen.</summary>
    private async Task<string> CurrentRunIdAsync(CancellationToken cancellationToken)
    {
        var json = await syncState.GetSyncStateAsync(IntercomImporter.StateKey, cancellationToken).ConfigureAwait(false);
        return json is null ? WebhookRunId : JsonSerializer.Deserialize(json, SyncJsonContext.Default.ImportRunState)?.RunId ?? WebhookRunId;
    }
}
