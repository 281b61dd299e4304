using System.Collections.Concurrent;
using System.Text.Json;
using Rapport.Intercom;
using Rapport.Hub.Conversations;
using Rapport.Hub.Sync;

namespace Rapport.Application.Conversations;

/// <summary>The hub users of each conversation (by conversation id), and the emails found ambiguous on the way.</summary>
internal sealed record ConversationAttachment(IReadOnlyDictionary<string, IReadOnlyList<string>> Users, IReadOnlyList<string> Ambiguous);

/// <summary>
/// Finds the hub users a conversation belongs to, the same way for the import, webhooks and the audit. With users and
/// companies imported (Import users and companies on): through its contacts' Intercom ids to the mirrored contacts and
/// their hub users. Without: by email, to a hub user with that email from any source; an email several users share is
/// reported, never guessed. One instance per run or batch: it remembers the contact emails it had to read.
/// </summary>
/// <param name="intercom">Reads a contact's email when no message carries it; null when not connected (such contacts stay unmatched).</param>
internal sealed class ConversationAttacher(IntercomClient? intercom, IConversationStore conversationStore, ISyncStateStore syncState, bool byContact)
{
    private readonly ConcurrentDictionary<string, string?> _contactEmails = new(StringComparer.Ordinal);

    public async Task<ConversationAttachment> AttachAsync(IReadOnlyList<IntercomConversation> conversations, CancellationToken cancellationToken)
    {
        if (byContact)
        {
            var users = await conversationStore.FindUsersByContactAsync(
                ConversationMapping.Source, [.. conversations.SelectMany(c => c.ContactIds)], cancellationToken).ConfigureAwait(false);
            return new ConversationAttachment(
                conversations.DistinctBy(c => c.Id, StringComparer.Ordinal).ToDictionary(
                    c => c.Id,
                    c => (IReadOnlyList<string>)[.. c.ContactIds.Where(users.ContainsKey).Select(id => users[id]).Distinct(StringComparer.Ordinal)],
                    StringComparer.Ordinal),
                []);
        }

        var emailsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var conversation in conversations)
            emailsOf[conversation.Id] = await ContactEmailsAsync(conversation, cancellationToken).ConfigureAwait(false);
        var matches = await conversationStore.FindUsersByEmailAsync([.. emailsOf.Values.SelectMany(e => e)], cancellationToken).ConfigureAwait(false);

        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (id, emails) in emailsOf)
        {
            var attached = new List<string>();
            foreach (var email in emails)
            {
                // Several users with one email: picking one would be a guess that could put a customer's messages on
                // someone else's profile, so the email is reported instead.
                switch (matches.GetValueOrDefault(email))
                {
                    case [var only]: attached.Add(only); break;
                    case { Count: > 1 }: ambiguous.Add(email); break;
                }
            }

            result[id] = [.. attached.Distinct(StringComparer.Ordinal)];
        }

        if (ambiguous.Count > 0)
            await RememberAmbiguousAsync(ambiguous, cancellationToken).ConfigureAwait(false);
        return new ConversationAttachment(result, [.. ambiguous.Order(StringComparer.Ordinal)]);
    }

    private async Task RememberAmbiguousAsync(IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        var known = await AmbiguousEmails.ReadAsync(syncState, cancellationToken).ConfigureAwait(false);
        var merged = known.Union(emails, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (merged.Count != known.Count)
            await syncState.SetSyncStateAsync(AmbiguousEmails.StateKey, JsonSerializer.Serialize(merged, AttachJsonContext.Default.ListString), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The emails of a conversation's contacts, lower-cased: from the authors of its messages when they carry one (no call),
    /// else read from the contact once per instance.
    /// </summary>
    private async Task<List<string>> ContactEmailsAsync(IntercomConversation conversation, CancellationToken cancellationToken)
    {
        var authors = conversation.Parts.Select(p => p.Author).Prepend(conversation.Source?.Author)
            .OfType<IntercomAuthor>().Where(a => a.IsContact && a.Id is not null && !string.IsNullOrWhiteSpace(a.Email))
            .GroupBy(a => a.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Email, StringComparer.Ordinal);
        var emails = new List<string>();
        foreach (var contactId in conversation.ContactIds)
        {
            var email = authors.GetValueOrDefault(contactId);
            if (email is null && intercom is not null && !_contactEmails.TryGetValue(contactId, out email))
            {
                try
                {
                    email = (await intercom.GetContactAsync(contactId, cancellationToken).ConfigureAwait(false)).Email;
                }
                catch (IntercomNotFoundException)
                {
                    email = null;
                }

                _contactEmails[contactId] = email;
            }

            if (!string.IsNullOrWhiteSpace(email))
                emails.Add(email.Trim().ToLowerInvariant());
        }

        return emails;
    }
}

/// <summary>Emails found shared by several hub users when attaching conversations by email: reported, never guessed.</summary>
public static class AmbiguousEmails
{
    /// <summary>A JSON array, sorted, in the hub's sync state.</summary>
    public const string StateKey = "intercom.conversations.ambiguous_emails";

    /// <summary>The ambiguous emails reported so far (by imports and webhooks alike).</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(ISyncStateStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var json = await store.GetSyncStateAsync(StateKey, cancellationToken).ConfigureAwait(false);
        return json is null ? [] : JsonSerializer.Deserialize(json, AttachJsonContext.Default.ListString) ?? [];
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(List<string>))]
internal sealed partial class AttachJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
