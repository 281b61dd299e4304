using System.Text.Json;
using Rapport.Intercom;
using Rapport.Application.Import;
using Rapport.Hub.Conversations;
using Rapport.Hub.Events;
using Rapport.Hub.Messaging;
using Rapport.Hub.Model;
using Rapport.Hub.Sources;
using Rapport.Hub.Sync;
using Rapport.Hub.Webhooks;

namespace Rapport.Application.Webhooks;

public sealed partial class IntercomWebhookApplier
{
    /// <summary>Lives as long as the applier, so tag names learnt from one batch spare later ones a read of the tag list.</summary>
    private readonly ContactCompleter _completer = new();

    /// <summary>The batch's users to derive again: by external id (before and after the change), and through companies.</summary>
    private readonly HashSet<string> _touchedUsers = new(StringComparer.Ordinal);

    private readonly HashSet<string> _touchedCompanies = new(StringComparer.Ordinal);

    private async Task<(string, bool)> ApplyCompanyAsync(
        JsonElement item, WebhookApplyContext context, CompanyQualifier qualifier, string runId, CancellationToken cancellationToken)
    {
        var company = IntercomCompany.Parse(item);
        switch (await CompareWithStoredAsync("company", company.Id, company.UpdatedAt, cancellationToken).ConfigureAwait(false))
        {
            case Freshness.Older:
                return (OlderThanStored, false);
            case Freshness.SameSecond when context.Client is { } client:
                company = await ReadCurrentAsync(company, () => client.GetCompanyAsync(company.Id, cancellationToken)).ConfigureAwait(false);
                break;
        }

        var wasImported = await sourceStore.IsSourceCompanyImportedAsync(IntercomSource.Name, company.Id, cancellationToken).ConfigureAwait(false);
        var decision = qualifier.Decide(company);
        await sourceStore.ApplyCompaniesAsync([decision], runId, cancellationToken: cancellationToken).ConfigureAwait(false);
        // A company shapes memberships only by being imported or not: a rename or a new plan leaves its users as they are.
        // (Should a batch's derivation fail after this write, its retry sees no change; the sweep's full pass mends it.)
        var membershipsChange = wasImported != decision.Qualified;
        if (membershipsChange)
            _touchedCompanies.Add(company.Id);
        return (decision.Qualified ? "applied" : $"applied: not qualified ({decision.Reason})", membershipsChange);
    }

    private async Task<(string, bool)> DeleteCompanyAsync(JsonElement item, CancellationToken cancellationToken)
    {
        var id = item.TryGetProperty("id", out var value) ? value.GetString() : null;
        if (id is null)
            return ("no company id", false);
        var known = await sourceStore.DeactivateSourceCompanyAsync(IntercomSource.Name, id, DeletedReason, cancellationToken).ConfigureAwait(false);
        _touchedCompanies.Add(id);
        return (known ? "company marked deleted" : "company was never imported", known);
    }

    /// <summary>
    /// A contact_company item carries both sides as they are now: the company's user count changed too, and Intercom sends
    /// no <c>company.updated</c> for that, so the company is applied as well as the contact.
    /// </summary>
    private async Task<(string, bool)> ApplyContactCompanyAsync(
        JsonElement item, WebhookApplyContext context, CompanyQualifier qualifier, string runId, CancellationToken cancellationToken)
    {
        var companyWrote = false;
        if (item.TryGetProperty("company", out var company) && company.ValueKind == JsonValueKind.Object)
            (_, companyWrote) = await ApplyCompanyAsync(company, context, qualifier, runId, cancellationToken).ConfigureAwait(false);
        var (outcome, contactWrote) = await ApplyWrappedContactAsync(item, context, runId, cancellationToken).ConfigureAwait(false);
        return (outcome, companyWrote || contactWrote);
    }

    private Task<(string, bool)> ApplyWrappedContactAsync(JsonElement item, WebhookApplyContext context, string runId, CancellationToken cancellationToken)
    {
        if (item.TryGetProperty("tag", out var tag) && tag.ValueKind == JsonValueKind.Object
            && tag.TryGetProperty("id", out var tagId) && tag.TryGetProperty("name", out var tagName) && tagName.GetString() is { } name)
        {
            _completer.NameTag(tagId.GetString() ?? "", name);
        }

        return item.TryGetProperty("contact", out var contact) && contact.ValueKind == JsonValueKind.Object
            ? ApplyContactAsync(contact, context, runId, cancellationToken)
            : Task.FromResult(("no contact in the item", false));
    }

    private async Task<(string, bool)> ApplyContactAsync(JsonElement item, WebhookApplyContext context, string runId, CancellationToken cancellationToken)
    {
        var contact = IntercomContact.Parse(item);
        if (contact.IsLead)
            return await ForgetContactAsync(item, cancellationToken).ConfigureAwait(false);
        switch (await CompareWithStoredAsync("contact", contact.Id, contact.UpdatedAt, cancellationToken).ConfigureAwait(false))
        {
            case Freshness.Older:
                return (OlderThanStored, false);
            case Freshness.SameSecond when context.Client is { } reader:
                contact = await ReadCurrentAsync(contact, () => reader.GetContactAsync(contact.Id, cancellationToken)).ConfigureAwait(false);
                break;
        }

        var source = (await _completer.CompleteAsync([contact], context.Client, cancellationToken).ConfigureAwait(false))[0];
        await TouchUsersOfAsync(contact.Id, cancellationToken).ConfigureAwait(false);
        if (contact.ExternalId is { } externalId)
            _touchedUsers.Add(externalId);
        await sourceStore.MirrorContactsAsync([source], runId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ("applied", true);
    }

    private async Task<(string, bool)> ForgetContactAsync(JsonElement item, CancellationToken cancellationToken)
    {
        var id = item.TryGetProperty("id", out var value) ? value.GetString() : null;
        if (id is null)
            return ("no contact id", false);
        await TouchUsersOfAsync(id, cancellationToken).ConfigureAwait(false);
        var forgotten = await sourceStore.ForgetContactsAsync(IntercomSource.Name, [id], cancellationToken).ConfigureAwait(false);
        return (forgotten > 0 ? "contact removed" : "contact was not mirrored", forgotten > 0);
    }

    /// <summary>The user a mirrored contact is now: after a change of its user_id or its removal, that user is derived too.</summary>
    private async Task TouchUsersOfAsync(string contactId, CancellationToken cancellationToken)
    {
        var users = await conversationStore.FindUsersByContactAsync(IntercomSource.Name, [contactId], cancellationToken).ConfigureAwait(false);
        _touchedUsers.UnionWith(users.Values);
    }

    private enum Freshness { NewerOrUnknown, SameSecond, Older }

    private async Task<Freshness> CompareWithStoredAsync(string kind, string id, DateTimeOffset? updatedAt, CancellationToken cancellationToken) =>
        updatedAt is not { } incoming
        || await sourceStore.FindSourceUpdatedAtAsync(IntercomSource.Name, kind, id, cancellationToken).ConfigureAwait(false) is not { } stored
            ? Freshness.NewerOrUnknown
            : incoming < stored ? Freshness.Older
            : incoming == stored ? Freshness.SameSecond
            : Freshness.NewerOrUnknown;

    /// <summary>
    /// Intercom's times have whole seconds and its deliveries come in any order, so two changes of one second cannot be
    /// ordered by <c>updated_at</c>: the object is read as it is now (one call, only in that case) rather than guessed.
    /// One deleted since keeps the notification's copy; its own deletion notification follows.
    /// </summary>
    private static async Task<T> ReadCurrentAsync<T>(T notified, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (IntercomNotFoundException)
        {
            return notified;
        }
    }
}
