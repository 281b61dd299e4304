using System.Collections.Concurrent;
using Rapport.Intercom;

namespace Rapport.Sync.Conversations;

public sealed partial class ConversationImporter
{
    private readonly ConcurrentDictionary<string, string?> contactEmails = new(StringComparer.Ordinal);

    /// <summary>The hub users of each conversation (by conversation id), and the emails found ambiguous on the way.</summary>
    private sealed record Attachment(IReadOnlyDictionary<string, IReadOnlyList<string>> Users, IReadOnlyList<string> Ambiguous);

    private async Task<Attachment> AttachAsync(IReadOnlyList<IntercomConversation> conversations, CancellationToken cancellationToken)
    {
        if (options.AttachByContact)
        {
            var users = await store.FindUsersByContactAsync(
                ConversationMapping.Source, [.. conversations.SelectMany(c => c.ContactIds)], cancellationToken).ConfigureAwait(false);
            return new Attachment(
                conversations.ToDictionary(
                    c => c.Id,
                    c => (IReadOnlyList<string>)[.. c.ContactIds.Where(users.ContainsKey).Select(id => users[id]).Distinct(StringComparer.Ordinal)],
                    StringComparer.Ordinal),
                []);
        }

        var emailsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var conversation in conversations)
            emailsOf[conversation.Id] = await ContactEmailsAsync(conversation, cancellationToken).ConfigureAwait(false);
        var matches = await store.FindUsersByEmailAsync([.. emailsOf.Values.SelectMany(e => e)], cancellationToken).ConfigureAwait(false);

        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (id, emails) in emailsOf)
        {
            var attached = new List<string>();
            foreach (var email in emails)
            {
                // Several users with one email: the seed says attach to "a user with that email"; guessing which would put a
                // customer's messages on someone else's profile, so the email is reported instead.
                switch (matches.GetValueOrDefault(email))
                {
                    case [var only]: attached.Add(only); break;
                    case { Count: > 1 }: ambiguous.Add(email); break;
                }
            }

            result[id] = [.. attached.Distinct(StringComparer.Ordinal)];
        }

        return new Attachment(result, [.. ambiguous]);
    }

    /// <summary>
    /// The emails of a conversation's contacts, lower-cased: from the authors of its messages when they carry one (no call),
    /// else read from the contact once per run.
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
            if (email is null && !contactEmails.TryGetValue(contactId, out email))
            {
                try
                {
                    email = (await intercom.GetContactAsync(contactId, cancellationToken).ConfigureAwait(false)).Email;
                }
                catch (IntercomNotFoundException)
                {
                    email = null;
                }

                contactEmails[contactId] = email;
            }

            if (!string.IsNullOrWhiteSpace(email))
                emails.Add(email.Trim().ToLowerInvariant());
        }

        return emails;
    }
}
