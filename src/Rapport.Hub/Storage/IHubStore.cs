using Rapport.Hub.Sources;

namespace Rapport.Hub.Storage;

/// <summary>
/// The hub's store. Two implementations (SQLite, PostgreSQL) behave identically; one test suite runs against both.
/// Every batch method runs in one transaction and, when a checkpoint is given, saves it in that same transaction,
/// so a crash leaves either the whole batch with its checkpoint or neither.
/// </summary>
public partial interface IHubStore : IAsyncDisposable
{
    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    string Provider { get; }

    /// <summary>Creates or upgrades the schema (versioned migrations, each applied once).</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    Task<string?> GetSyncStateAsync(string key, CancellationToken cancellationToken = default);

    Task SetSyncStateAsync(string key, string? value, CancellationToken cancellationToken = default);

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

    Task<HubCounts> CountAsync(CancellationToken cancellationToken = default);

    Task<AccountView?> FindAccountAsync(string externalId, CancellationToken cancellationToken = default);

    Task<UserView?> FindUserAsync(string externalId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A deterministic text dump of every account, user, membership, source record (raw JSON included) and their
    /// statuses, without the store's own timestamps: two stores with the same content give the same text.
    /// </summary>
    Task<string> ExportSnapshotAsync(CancellationToken cancellationToken = default);

    Task RecordImportRunAsync(ImportRunRecord run, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ImportRunRecord>> ListImportRunsAsync(int limit, CancellationToken cancellationToken = default);
}
