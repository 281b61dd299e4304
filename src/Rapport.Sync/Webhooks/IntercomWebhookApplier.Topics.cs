using System.Text.Json;
using Rapport.Intercom;
using Rapport.Sync.Import;

namespace Rapport.Sync.Webhooks;

public sealed partial class IntercomWebhookApplier
{
    private readonly Dictionary<string, string> _tagNames = new(StringComparer.Ordinal);

    private async Task<(string, bool)> ApplyCompanyAsync(JsonElement item, CompanyQualifier qualifier, string runId, CancellationToken cancellationToken)
    {
        var company = IntercomCompany.Parse(item);
        if (await IsOlderAsync("company", company.Id, company.UpdatedAt, cancellationToken).ConfigureAwait(false))
            return (OlderThanStored, false);
        var decision = qualifier.Decide(company);
        await store.ApplyCompaniesAsync([decision], runId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (decision.Qualified ? "applied" : $"applied: not qualified ({decision.Reason})", true);
    }

    private async Task<(string, bool)> DeleteCompanyAsync(JsonElement item, CancellationToken cancellationToken)
    {
        var id = item.TryGetProperty("id", out var value) ? value.GetString() : null;
        if (id is null)
            return ("no company id", false);
        var known = await store.DeactivateSourceCompanyAsync(IntercomSource.Name, id, DeletedReason, cancellationToken).ConfigureAwait(false);
        return (known ? "company marked deleted" : "company was never imported", known);
    }

    private Task<(string, bool)> ApplyWrappedContactAsync(JsonElement item, WebhookApplyContext context, string runId, CancellationToken cancellationToken)
    {
        if (item.TryGetProperty("tag", out var tag) && tag.ValueKind == JsonValueKind.Object
            && tag.TryGetProperty("id", out var tagId) && tag.TryGetProperty("name", out var tagName) && tagName.GetString() is { } name)
            _tagNames[tagId.GetString() ?? ""] = name;
        return item.TryGetProperty("contact", out var contact) && contact.ValueKind == JsonValueKind.Object
            ? ApplyContactAsync(contact, context, runId, cancellationToken)
            : Task.FromResult(("no contact in the item", false));
    }

    private async Task<(string, bool)> ApplyContactAsync(JsonElement item, WebhookApplyContext context, string runId, CancellationToken cancellationToken)
    {
        var contact = IntercomContact.Parse(item);
        if (contact.IsLead)
            return await ForgetContactAsync(item, cancellationToken).ConfigureAwait(false);
        if (await IsOlderAsync("contact", contact.Id, contact.UpdatedAt, cancellationToken).ConfigureAwait(false))
            return (OlderThanStored, false);

        var companyIds = contact.Companies?.Ids ?? [];
        // The inline list stops at ten: the rest is read, as the import does.
        if (contact.Companies?.HasMore == true && context.Client is { } client)
        {
            var ids = new List<string>();
            await foreach (var company in client.ListContactCompaniesAsync(contact.Id, cancellationToken).ConfigureAwait(false))
                ids.Add(company.Id);
            companyIds = ids;
        }

        await ResolveTagNamesAsync(contact.Tags?.Ids ?? [], context, cancellationToken).ConfigureAwait(false);
        var source = IntercomMapping.ToSourceContact(contact, companyIds, _tagNames);
        await store.MirrorContactsAsync([source], runId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ("applied", true);
    }

    private async Task<(string, bool)> ForgetContactAsync(JsonElement item, CancellationToken cancellationToken)
    {
        var id = item.TryGetProperty("id", out var value) ? value.GetString() : null;
        if (id is null)
            return ("no contact id", false);
        var forgotten = await store.ForgetContactsAsync(IntercomSource.Name, [id], cancellationToken).ConfigureAwait(false);
        return (forgotten > 0 ? "contact removed" : "contact was not mirrored", forgotten > 0);
    }

    /// <summary>Intercom sends second-precision times: only a strictly older object is skipped, an equal one is applied again.</summary>
    private async Task<bool> IsOlderAsync(string kind, string id, DateTimeOffset? updatedAt, CancellationToken cancellationToken) =>
        updatedAt is { } incoming
        && await store.FindSourceUpdatedAtAsync(IntercomSource.Name, kind, id, cancellationToken).ConfigureAwait(false) is { } stored
        && incoming < stored;

    // A contact names its tags by id only; names come from the tag topics' items and, for ids still unknown, one read of the tag list.
    private async Task ResolveTagNamesAsync(IReadOnlyList<string> ids, WebhookApplyContext context, CancellationToken cancellationToken)
    {
        if (context.Client is null || ids.All(_tagNames.ContainsKey))
            return;
        foreach (var tag in await context.Client.ListTagsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (tag.Name is not null)
                _tagNames[tag.Id] = tag.Name;
        }
    }
}
