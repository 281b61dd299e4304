namespace Rapport.Hub.Push;

/// <summary>What the push onto Intercom reads and remembers: the targets, the values last pushed, and the attributes it owns.</summary>
public interface IPushStore
{
    /// <summary>The last pushed values (a JSON object) of each of <paramref name="targetIds"/> that has any, by target id.</summary>
    Task<IReadOnlyDictionary<string, string>> GetPushSnapshotsAsync(string model, IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default);

    /// <summary>When the newest account state was computed, or null before any: a push follows recomputes by watching it.</summary>
    Task<DateTimeOffset?> LastAccountStateComputedAtAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PushedAttribute>> ListPushedAttributesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// For each of <paramref name="accountIds"/> whose account is active and has a qualified company of
    /// <paramref name="source"/>: that company and the source contacts of the account's active users, each saying
    /// whether its mirrored custom attribute <paramref name="flag"/> holds <c>true</c> (a flag set before Rapport pushed).
    /// </summary>
    Task<IReadOnlyList<PushTarget>> LoadPushTargetsAsync(
        string source, IReadOnlyCollection<long> accountIds, string? flag = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces what was last pushed to one target (<paramref name="model"/> <c>company</c> or <c>contact</c>).</summary>
    Task SavePushSnapshotAsync(string model, string targetId, string valuesJson, CancellationToken cancellationToken = default);

    /// <summary>Adds attributes not yet known and updates the archive time of known ones.</summary>
    Task SavePushedAttributesAsync(IReadOnlyList<PushedAttribute> attributes, CancellationToken cancellationToken = default);
}
