using System.Collections.Concurrent;
using Rapport.Hub.Sources;
using Rapport.Intercom;

namespace Rapport.Application.Import;

/// <summary>
/// Makes Intercom contacts into the hub's source contacts with what a contact object leaves out: the companies past the
/// ten it carries inline, and its tags' names (it names tags by id only). The import, the webhooks and the reconciliation
/// sweep (through the import) all complete contacts here, so a contact is stored the same whichever way it came in.
/// </summary>
/// <remarks>
/// Every call counts against Intercom's rate limit, so a completer reads as little as it can: a contact's company list
/// only when its inline one is cut short, and the tag list only when a contact names a tag it has not learnt yet. It
/// keeps the names it learns for its lifetime, and a tag missing from a list it read (deleted since) is not looked for
/// again. One completer is used by one caller at a time.
/// </remarks>
/// <param name="membershipLookupConcurrency">How many contacts' company lists are read at once.</param>
public sealed class ContactCompleter(int membershipLookupConcurrency = 1)
{
    private readonly Dictionary<string, string> _tagNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _missingTags = new(StringComparer.Ordinal);

    /// <summary>A tag topic's item names its tag: contacts tagged with it then cost no read of the tag list.</summary>
    public void NameTag(string id, string name) => _tagNames[id] = name;

    /// <summary>Reads the workspace's tag list now (one call), ahead of a run that will complete many contacts.</summary>
    public async Task ReadTagsAsync(IntercomClient intercom, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intercom);
        foreach (var tag in await intercom.ListTagsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (tag.Name is not null)
                _tagNames[tag.Id] = tag.Name;
        }
    }

    /// <param name="intercom">Null when the workspace is not connected: the contacts are stored with what they carry (their
    /// inline companies, and a tag's id where its name is not known).</param>
    public async Task<List<SourceContact>> CompleteAsync(
        IReadOnlyList<IntercomContact> contacts, IntercomClient? intercom, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var companies = intercom is null
            ? new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            : await ReadCompanyListsAsync(contacts, intercom, cancellationToken).ConfigureAwait(false);
        if (intercom is not null)
            await LearnTagNamesAsync(contacts, intercom, cancellationToken).ConfigureAwait(false);

        return contacts
            .Select(c => IntercomMapping.ToSourceContact(c, companies.TryGetValue(c.Id, out var ids) ? ids : c.Companies?.Ids ?? [], _tagNames))
            .ToList();
    }

    private async Task<ConcurrentDictionary<string, IReadOnlyList<string>>> ReadCompanyListsAsync(
        IReadOnlyList<IntercomContact> contacts, IntercomClient intercom, CancellationToken cancellationToken)
    {
        var complete = new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            contacts.Where(c => c.Companies?.HasMore == true),
            new ParallelOptions { MaxDegreeOfParallelism = membershipLookupConcurrency, CancellationToken = cancellationToken },
            async (contact, ct) =>
            {
                var ids = new List<string>();
                await foreach (var company in intercom.ListContactCompaniesAsync(contact.Id, ct).ConfigureAwait(false))
                    ids.Add(company.Id);
                complete[contact.Id] = ids;
            }).ConfigureAwait(false);
        return complete;
    }

    private async Task LearnTagNamesAsync(IReadOnlyList<IntercomContact> contacts, IntercomClient intercom, CancellationToken cancellationToken)
    {
        var unknown = contacts
            .SelectMany(c => c.Tags?.Ids ?? [])
            .Where(id => !_tagNames.ContainsKey(id) && !_missingTags.Contains(id))
            .ToHashSet(StringComparer.Ordinal);
        if (unknown.Count == 0)
            return;
        await ReadTagsAsync(intercom, cancellationToken).ConfigureAwait(false);
        _missingTags.UnionWith(unknown.Where(id => !_tagNames.ContainsKey(id)));
    }
}
