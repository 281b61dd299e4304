using System.Text.Json;
using Rapport.IntercomSimulator.Companies;
using Rapport.IntercomSimulator.Contacts;
using Rapport.IntercomSimulator.Http;

namespace Rapport.IntercomSimulator.Webhooks;

/// <summary>Turns one batch of workspace changes into notifications. Runs under the workspace lock, so items are
/// snapshots of the state the change left. Within a batch a creation absorbs the updates of the same object
/// (an upsert that creates sends <c>company.created</c> only), and repeated updates collapse into one.</summary>
internal static partial class WorkspaceNotifier
{
    public static void Notify(IReadOnlyList<WorkspaceChange> changes, SimulatorWorkspace workspace, WebhookDispatcher webhooks)
    {
        if (!webhooks.Subscription.Active || webhooks.Subscription.Url is null) { return; }
        var absorbed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Kind is WorkspaceChangeKind.CompanyCreated or WorkspaceChangeKind.ContactCreated
                or WorkspaceChangeKind.CompanyDeleted or WorkspaceChangeKind.ContactDeleted)
            {
                absorbed.Add(change.Id);
            }
        }

        var updated = new HashSet<string>(StringComparer.Ordinal);
        var now = workspace.Now;
        foreach (var change in changes)
        {
            var company = change.Kind switch
            {
                WorkspaceChangeKind.CompanyCreated or WorkspaceChangeKind.CompanyUpdated => workspace.CompanyUnlocked(change.Id),
                WorkspaceChangeKind.ContactAttached or WorkspaceChangeKind.ContactDetached => workspace.CompanyUnlocked(change.OtherId!),
                _ => null,
            };
            var contact = change.Kind is WorkspaceChangeKind.CompanyCreated or WorkspaceChangeKind.CompanyUpdated or WorkspaceChangeKind.CompanyDeleted
                ? null
                : workspace.ContactUnlocked(change.Id);
            switch (change.Kind)
            {
                case WorkspaceChangeKind.CompanyCreated when company is not null:
                    webhooks.Publish("company.created", now, w => CompanyJson.Write(w, company, workspace));
                    break;
                case WorkspaceChangeKind.CompanyUpdated when company is not null && !absorbed.Contains(change.Id) && updated.Add(change.Id):
                    webhooks.Publish("company.updated", now, w => CompanyJson.Write(w, company, workspace));
                    break;
                case WorkspaceChangeKind.CompanyDeleted:
                    webhooks.Publish("company.deleted", now, w => WriteDeleted(w, "company", change.Id));
                    break;
                case WorkspaceChangeKind.ContactCreated when contact is not null:
                    webhooks.Publish($"contact.{contact.Role}.created", now, w => ContactJson.Write(w, contact, workspace));
                    break;
                case WorkspaceChangeKind.ContactUpdated when contact is not null && !absorbed.Contains(change.Id) && updated.Add(change.Id):
                    webhooks.Publish($"contact.{contact.Role}.updated", now, w => ContactJson.Write(w, contact, workspace));
                    break;
                case WorkspaceChangeKind.ContactDeleted:
                    webhooks.Publish("contact.deleted", now, w => WriteDeleted(w, "contact", change.Id));
                    break;
                case WorkspaceChangeKind.ContactAttached or WorkspaceChangeKind.ContactDetached when contact is not null && company is not null:
                    var linkTopic = change.Kind == WorkspaceChangeKind.ContactAttached ? "company.contact.attached" : "company.contact.detached";
                    webhooks.Publish(linkTopic, now, w => WriteContactCompany(w, contact, company, workspace, now));
                    break;
                case WorkspaceChangeKind.ContactTagged or WorkspaceChangeKind.ContactUntagged when contact is not null:
                    var tag = workspace.TagList.Find(t => t.Id == change.OtherId);
                    if (tag is null) { break; }
                    var tagTopic = $"contact.{contact.Role}.tag.{(change.Kind == WorkspaceChangeKind.ContactTagged ? "created" : "deleted")}";
                    webhooks.Publish(tagTopic, now, w => WriteContactTag(w, contact, tag, workspace, now));
                    break;
                case WorkspaceChangeKind.ConversationCreated or WorkspaceChangeKind.ConversationPartAdded or WorkspaceChangeKind.ConversationDeleted:
                    NotifyConversation(change, workspace, webhooks, now);
                    break;
                case WorkspaceChangeKind.EventCreated:
                    NotifyEvent(change, workspace, webhooks, now);
                    break;
            }
        }
    }

    // *.deleted topics carry only a minimal id payload (Intercom's webhook topics).
    private static void WriteDeleted(Utf8JsonWriter w, string type, string id)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("id", id);
        w.WriteEndObject();
    }

    // UNVERIFIED shape: the webhook models name a contact/company pair for company.contact.*; both are the REST objects.
    private static void WriteContactCompany(Utf8JsonWriter w, SimulatedContact contact, SimulatedCompany company, SimulatorWorkspace workspace, DateTimeOffset now)
    {
        w.WriteStartObject();
        w.WriteString("type", "contact_company");
        w.WriteUnix("created_at", now);
        w.WritePropertyName("contact");
        ContactJson.Write(w, contact, workspace);
        w.WritePropertyName("company");
        CompanyJson.Write(w, company, workspace);
        w.WriteEndObject();
    }

    // The contact_tag object of contact.*.tag.* (Intercom's webhook topics).
    private static void WriteContactTag(Utf8JsonWriter w, SimulatedContact contact, SimulatedTag tag, SimulatorWorkspace workspace, DateTimeOffset now)
    {
        w.WriteStartObject();
        w.WriteString("type", "contact_tag");
        w.WriteUnix("created_at", now);
        w.WriteStartObject("tag");
        w.WriteString("type", "tag");
        w.WriteString("id", tag.Id);
        w.WriteString("name", tag.Name);
        w.WriteEndObject();
        w.WritePropertyName("contact");
        ContactJson.Write(w, contact, workspace);
        w.WriteEndObject();
    }
}
