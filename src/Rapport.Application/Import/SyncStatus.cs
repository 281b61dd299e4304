using Rapport.Application.Conversations;
using Rapport.Application.Reconcile;

namespace Rapport.Application.Import;

/// <param name="State">idle, running, completed or failed.</param>
/// <param name="Summary">The import's summary, after a completed sync with Import users and companies on.</param>
public sealed record SyncStatus(
    string State, string? StartedBy, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, ImportProgress? Progress, ImportSummary? Summary, string? Error)
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public const string SyncKind = "sync";
    public const string SweepKind = "sweep";

    public static SyncStatus Idle { get; } = new("idle", null, null, null, null, null, null);

    /// <summary>sync ("Sync now") or sweep (the reconciliation sweep).</summary>
    public string Kind { get; init; } = SyncKind;

    /// <summary>The conversations a completed sync imported (all it imports with Import users and companies off).</summary>
    public ConversationImportSummary? Conversations { get; init; }

    /// <summary>A completed sweep's result.</summary>
    public SweepResult? Sweep { get; init; }
}
