namespace Rapport.Application.Push;

/// <summary>What one push did (or, for a dry run, would do). The last real run is kept for the push page and the API.</summary>
public sealed record PushReport
{
    public const string StateKey = "intercom.push.last_run";

    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public bool DryRun { get; init; }

    /// <summary><c>completed</c>, <c>failed</c> (stopped; run again to resume) or <c>refused</c> (nothing was written).</summary>
    public string Status { get; init; } = "completed";

    /// <summary>Why a run stopped or was refused.</summary>
    public string? Error { get; init; }

    public string Prefix { get; init; } = PushSettings.DefaultPrefix;

    /// <summary>Imported companies whose account has a computed state.</summary>
    public int Companies { get; init; }
    public int CompaniesChanged { get; init; }
    public int CompaniesUpdated { get; init; }
    public int CompaniesUnchanged { get; init; }
    public int UsersChanged { get; init; }
    public int UsersUpdated { get; init; }

    /// <summary>Update calls that reached Intercom (data attribute calls apart).</summary>
    public int WriteCalls { get; init; }

    /// <summary>Custom data attributes live in the workspace after the run, against Intercom's limit of 250.</summary>
    public int CustomAttributesInUse { get; init; }

    public IReadOnlyList<PushAttributeChange> AttributesCreated { get; init; } = [];
    public IReadOnlyList<PushAttributeChange> AttributesArchived { get; init; } = [];

    /// <summary>Attributes Rapport pushed before and no longer produces (renamed or deleted elements and metrics, an old prefix).</summary>
    public IReadOnlyList<PushAttributeChange> StaleAttributes { get; init; } = [];

    /// <summary>Companies or contacts Intercom no longer has (404): skipped, nothing created.</summary>
    public IReadOnlyList<PushFailure> Skipped { get; init; } = [];

    public IReadOnlyList<PushFailure> Failures { get; init; } = [];

    /// <summary>Fields left out, attributes of the wrong type in Intercom.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Per company and user, the attributes that change (old → new); the first <see cref="MaxChangesListed"/>.</summary>
    public IReadOnlyList<PushTargetChange> Changes { get; init; } = [];

    public const int MaxChangesListed = 500;
}

/// <param name="Model"><c>company</c> or <c>contact</c>.</param>
public sealed record PushAttributeChange(string Model, string Name, string DataType);

/// <param name="Target">The Intercom id of the company or contact.</param>
/// <param name="Label">The account's or user's external id, as a person finds it.</param>
public sealed record PushFailure(string Model, string Target, string Label, int? Status, string? Code, string Message);

public sealed record PushTargetChange(string Model, string Target, string Label, IReadOnlyList<PushValueChange> Values);

/// <param name="Old">As last pushed, shown as text (<c>(none)</c> when never pushed).</param>
public sealed record PushValueChange(string Name, string Old, string New);
