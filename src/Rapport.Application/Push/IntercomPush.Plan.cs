using Rapport.Hub.Push;
using Rapport.Hub.Model;
using Rapport.Hub.Sync;
using Rapport.Hub.Accounts;

namespace Rapport.Application.Push;

public sealed partial class IntercomPush
{
    private async Task<PushPlan> PlanAsync(PushSettings settings, CancellationToken cancellationToken)
    {
        var plan = new PushPlan();
        var attribute = PushAttributes.AccountOwner(settings);
        var owners = new Dictionary<string, ContactOwnership>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var ids = await modelStore.ListAccountIdsAsync(after, Page, cancellationToken).ConfigureAwait(false);
            if (ids.Count == 0)
                break;
            after = ids[^1];
            var targets = await pushStore.LoadPushTargetsAsync(IntercomSource.Name, ids, attribute, cancellationToken).ConfigureAwait(false);
            if (targets.Count == 0)
                continue;
            var states = await modelStore.GetAccountStatesAsync([.. targets.Select(t => t.AccountId).Distinct()], cancellationToken).ConfigureAwait(false);
            var snapshots = await pushStore.GetPushSnapshotsAsync("company", [.. targets.Select(t => t.CompanySourceId)], cancellationToken).ConfigureAwait(false);
            foreach (var target in targets)
            {
                if (!states.TryGetValue(target.AccountId, out var state))
                    continue;
                plan.CompanyCount++;
                var payload = PushAttributes.Company(state, settings);
                plan.Problems.AddRange(payload.Problems);
                foreach (var (name, value) in payload.Values.Where(pair => PushAttributes.IsCustom(pair.Key)))
                    plan.Produced[("company", name)] = value.DataType;
                var old = PushSnapshot.Read(snapshots.GetValueOrDefault(target.CompanySourceId));
                var changed = payload.Values
                    .Where(pair => old.TryGetValue(pair.Key, out var was) ? !pair.Value.SameAs(was) : pair.Value.Value is not null)
                    .ToDictionary(StringComparer.Ordinal);
                if (changed.Count > 0)
                    plan.Companies.Add(new CompanyWrite(target, old, changed));
                foreach (var contact in target.Contacts)
                {
                    var owns = string.Equals(state.OwnerUserId, contact.UserExternalId, StringComparison.OrdinalIgnoreCase);
                    var known = owners.GetValueOrDefault(contact.ContactSourceId);
                    owners[contact.ContactSourceId] = new ContactOwnership(known.Owner || owns, contact.UserExternalId, contact.Flagged);
                }
            }
        }

        if (plan.CompanyCount > 0)
            plan.Produced[("contact", attribute)] = "boolean";
        await PlanContactsAsync(plan, owners, attribute, cancellationToken).ConfigureAwait(false);
        return plan;
    }

    // The owner gets true; another imported user gets false only if their flag was true: set by Rapport (its snapshot)
    // or, before Rapport ever wrote it, found on the contact as imported (a team moving from Vitally keeps
    // "Vitally Account Owner"). Users never flagged are left alone, so a push does not write to every user of every account.
    private async Task PlanContactsAsync(
        PushPlan plan, Dictionary<string, ContactOwnership> owners, string attribute, CancellationToken cancellationToken)
    {
        foreach (var chunk in owners.Keys.Chunk(5_000))
        {
            var snapshots = await pushStore.GetPushSnapshotsAsync("contact", chunk, cancellationToken).ConfigureAwait(false);
            foreach (var contactId in chunk)
            {
                var (owner, userId, flagged) = owners[contactId];
                var old = PushSnapshot.Read(snapshots.GetValueOrDefault(contactId));
                var was = old.TryGetValue(attribute, out var pushed) ? pushed as bool? : flagged ? true : null;
                if (owner ? was != true : was == true)
                    plan.Contacts.Add(new ContactWrite(contactId, userId, attribute, old, owner));
            }
        }
    }

    /// <summary>Attributes pushed before, not archived by Rapport, that the current model no longer produces.</summary>
    private async Task<List<PushAttributeChange>> StaleAsync(PushPlan plan, CancellationToken cancellationToken)
    {
        // Without a single computed account nothing is produced, and everything would look stale.
        if (plan.CompanyCount == 0)
            return [];
        var pushed = await pushStore.ListPushedAttributesAsync(cancellationToken).ConfigureAwait(false);
        return [.. pushed
            .Where(a => a.ArchivedAt is null && !plan.Produced.ContainsKey((a.Model, a.Name)))
            .Select(a => new PushAttributeChange(a.Model, a.Name, a.DataType))];
    }

    private readonly record struct ContactOwnership(bool Owner, string UserExternalId, bool Flagged);
}
