using System.Text.Json;
using Rapport.Intercom.Webhooks;
using Rapport.Application.Import;
using Rapport.Application.Model;
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
    /// <summary>Recomputes the accounts a batch touched; null leaves account states to the scheduled recompute.</summary>
    public AccountModelService? Model { get; init; }

    /// <summary>
    /// After a batch is applied: the accounts of its companies, contacts and events are recomputed, and no others, so an
    /// event costs one account's recompute. Conversations do not feed the model.
    /// </summary>
    private async Task RecomputeTouchedAsync(IReadOnlyList<IntercomNotification> applied, CancellationToken cancellationToken)
    {
        if (Model is null)
            return;
        HashSet<string> companies = [], contacts = [], users = [];
        foreach (var notification in applied)
        {
            var body = notification.Item;
            switch (notification.Topic)
            {
                case var topic when topic.StartsWith("company.contact.", StringComparison.Ordinal):
                    Add(companies, body, "company");
                    Add(contacts, body, "contact");
                    break;
                case var topic when topic.StartsWith("company.", StringComparison.Ordinal):
                    Add(companies, body, null);
                    break;
                case var topic when topic.StartsWith("contact.", StringComparison.Ordinal):
                    Add(contacts, body, topic.Contains(".tag.", StringComparison.Ordinal) ? "contact" : null);
                    break;
                case "event.created":
                    if (Text(body, "user_id") is { } user)
                        users.Add(user);
                    if (Text(body, "intercom_user_id") is { } contact)
                        contacts.Add(contact);
                    break;
            }
        }

        if (companies.Count + contacts.Count + users.Count == 0)
            return;
        var accounts = await modelStore.FindAccountsReachedAsync(IntercomSource.Name, companies, contacts, users, cancellationToken).ConfigureAwait(false);
        await Model.RecomputeAsync(accounts, cancellationToken).ConfigureAwait(false);
    }

    private static void Add(HashSet<string> ids, JsonElement item, string? wrapper)
    {
        var target = wrapper is null ? item : item.ValueKind == JsonValueKind.Object && item.TryGetProperty(wrapper, out var inner) ? inner : default;
        if (Text(target, "id") is { } id)
            ids.Add(id);
    }

    private static string? Text(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
