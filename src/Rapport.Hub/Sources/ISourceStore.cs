using Rapport.Hub.Storage;

namespace Rapport.Hub.Sources;

/// <summary>What the sources (Intercom, Segment) say about companies and contacts: the source records, the accounts and users
/// derived from them, and which source wins a field. Every batch method runs in one transaction and, when a checkpoint
/// is given, saves it in that same transaction, so a crash leaves either the whole batch with its checkpoint or neither.</summary>
public interface ISourceStore
{
    /// <summary>
    /// Applies companies seen in a source. A qualified company with an external id becomes (or updates) the account with
    /// that external id — the same account whichever source brought it — and is kept as that account's source record
    /// (normalised fields, tags, segments, custom attributes, raw JSON). A company that no longer qualifies marks its
    /// account inactive with the reason; a company never imported and not qualified writes nothing.
    /// Rows whose content did not change are not rewritten. Every company in the batch is stamped with <paramref name="runId"/>.
    /// </summary>
    Task<CompanyBatchResult> ApplyCompaniesAsync(
        IReadOnlyList<CompanyDecision> batch, string runId, SyncCheckpoint? checkpoint = null, CancellationToken cancellationToken = default);

    /// <summary>After a complete pass over a source's companies: imported companies not stamped with <paramref name="runId"/> are gone from the source; their accounts become inactive.</summary>
    Task<int> DeactivateUnseenCompaniesAsync(string source, string runId, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps source contacts (role user) in the source mirror with their complete company links, stamped with <paramref name="runId"/>.
    /// Unchanged rows are not rewritten.
    /// </summary>
    Task<int> MirrorContactsAsync(
        IReadOnlyList<SourceContact> batch, string runId, SyncCheckpoint? checkpoint = null, CancellationToken cancellationToken = default);

    /// <summary>Removes contacts from the source mirror (they became leads, or were deleted).</summary>
    Task<int> ForgetContactsAsync(string source, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken = default);

    /// <summary>After a complete pass over a source's contacts: mirrored contacts not stamped with <paramref name="runId"/> are removed from the mirror.</summary>
    Task<int> ForgetUnseenContactsAsync(string source, string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the segments of a source's mirrored contacts, in one transaction: for every mirrored contact of
    /// <paramref name="source"/>, its segments become exactly the names given for its source id, and a contact absent from
    /// <paramref name="segmentsByContactSourceId"/> has none. Ids of contacts not in the mirror are ignored.
    /// </summary>
    /// <returns>Segment rows added plus rows removed; 0 when nothing changed.</returns>
    Task<int> ReplaceContactSegmentsAsync(
        string source, IReadOnlyDictionary<string, IReadOnlyList<string>> segmentsByContactSourceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Derives the hub's users and memberships of one source from its mirror, set-based: a mirrored contact attached to at
    /// least one imported (qualified, active) company is a user, found or created by external id, linked to every such
    /// account; a user of this source that no longer is one becomes inactive with a reason; memberships of this source
    /// follow the mirror exactly. Idempotent.
    /// </summary>
    Task<UserDerivation> DeriveUsersAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="DeriveUsersAsync(string, CancellationToken)"/> for the users with <paramref name="externalIds"/> and those
    /// of the contacts of <paramref name="companySourceIds"/> only: what a webhook batch touched, at the cost of that.
    /// Returns how many users were created, updated or made inactive.
    /// </summary>
    Task<int> DeriveUsersAsync(
        string source, IReadOnlyCollection<string> externalIds, IReadOnlyCollection<string> companySourceIds, CancellationToken cancellationToken = default);

    /// <summary>A company deleted in its source: it no longer qualifies, and its account becomes inactive with <paramref name="reason"/> unless another source keeps it. False when the company was never stored.</summary>
    Task<bool> DeactivateSourceCompanyAsync(string source, string sourceId, string reason, CancellationToken cancellationToken = default);

    /// <summary>The <c>updated_at</c> the source gave the company (<paramref name="kind"/> <c>company</c>) or contact (<c>contact</c>) last stored; null when none is stored.</summary>
    Task<DateTimeOffset?> FindSourceUpdatedAtAsync(string source, string kind, string sourceId, CancellationToken cancellationToken = default);

    /// <summary>Whether the company is stored, qualified and its account active: the only way a company shapes memberships.</summary>
    Task<bool> IsSourceCompanyImportedAsync(string source, string sourceId, CancellationToken cancellationToken = default);

    Task<SourcePrecedence> GetSourcePrecedenceAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves the precedence and gives every account the name its best-ranked source record has, in one transaction.</summary>
    Task SetSourcePrecedenceAsync(SourcePrecedence precedence, CancellationToken cancellationToken = default);

    /// <summary>A mirrored contact as last written, with every company link; null when the mirror does not have it.</summary>
    Task<SourceContact?> FindSourceContactAsync(string source, string sourceId, CancellationToken cancellationToken = default);

    /// <summary>A source company's custom attributes (a Segment group's traits) as last written; null when it has no record.</summary>
    Task<string?> FindSourceCompanyTraitsAsync(string source, string sourceId, CancellationToken cancellationToken = default);
}
