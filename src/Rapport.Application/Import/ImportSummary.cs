using Rapport.Application.Conversations;

namespace Rapport.Application.Import;

/// <summary>What an import saw and did. Counts survive a resume: they are checkpointed with the batches.</summary>
public sealed record ImportSummary
{
    public required string RunId { get; init; }
    public required bool Incremental { get; init; }
    public bool Resumed { get; init; }
    public required CompanyCounts Companies { get; init; }
    public required UserCounts Users { get; init; }

    /// <summary>Null when conversations were not imported.</summary>
    public ConversationImportSummary? Conversations { get; init; }
    public long ApiCalls { get; init; }

    /// <summary>Contacts whose mirror row was created or rewritten: new or changed in Intercom since the hub last had them.</summary>
    public int ContactsWritten { get; init; }
    public long RateLimitedResponses { get; init; }
    public TimeSpan Elapsed { get; init; }
}

/// <param name="Seen">Companies read from Intercom.</param>
/// <param name="Qualified">Companies that met every rule, and so are imported.</param>
/// <param name="Skipped">Companies not imported, by reason category.</param>
public sealed record CompanyCounts(
    int Seen, int Qualified, int Created, int Updated, int Unchanged, int Deactivated, IReadOnlyDictionary<string, int> Skipped);

/// <param name="ContactsSeen">Contacts read from Intercom, leads included.</param>
/// <param name="Imported">Users active in the hub through an imported company after this import.</param>
/// <param name="Skipped">Contacts not imported as users, by reason.</param>
public sealed record UserCounts(
    int ContactsSeen, int Imported, int Created, int Updated, int Deactivated, int Memberships, IReadOnlyDictionary<string, int> Skipped);
