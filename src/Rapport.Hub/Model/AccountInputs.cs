using Rapport.Hub.Accounts;
using Rapport.Hub.Rules;

namespace Rapport.Hub.Model;

/// <summary>One event of one of the account's users.</summary>
public sealed record AccountEvent(string Name, string UserId, DateTimeOffset OccurredAt);

/// <summary>
/// <see cref="IAccountInputs"/> held in memory: what a recompute loads for one account, and what specs build by hand.
/// Names of fields, traits and events are matched case-insensitively, like rule fields.
/// </summary>
public sealed class AccountInputs(AccountId id) : IAccountInputs
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    public AccountId Id { get; } = id;

    /// <summary>The account's own fields by rule name.</summary>
    public Dictionary<string, FieldValue> Fields { get; init; } = new(Names);

    /// <summary>Traits by <c>source.name</c>.</summary>
    public Dictionary<string, FieldValue> Traits { get; init; } = new(Names);

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> SourceSegments { get; init; } = [];

    public IReadOnlyCollection<string> UserIds { get; init; } = [];

    public string? ManualOwnerUserId { get; init; }

    public IReadOnlyDictionary<string, bool> ManualSegments { get; init; } = AccountOverrides.NoSegments;

    public IReadOnlyDictionary<string, IndicatorAddressed> AddressedIndicators { get; init; } = AccountOverrides.NoneAddressed;

    public DateTimeOffset? LastSeenAt { get; init; }

    public IReadOnlyList<AccountEvent> Events { get; init; } = [];

    public FieldValue Field(string name) => Fields.TryGetValue(name, out var value) ? value : FieldValue.Missing;

    public FieldValue Trait(string source, string name) =>
        Traits.TryGetValue($"{source}.{name}", out var value) ? value : FieldValue.Missing;

    public long CountEvents(string name, DateTimeOffset since) =>
        Events.Count(e => Names.Equals(e.Name, name) && e.OccurredAt >= since);

    public long CountDistinctUsers(string name, DateTimeOffset since) =>
        Events.Where(e => Names.Equals(e.Name, name) && e.OccurredAt >= since).Select(e => e.UserId).Distinct(Names).Count();

    public DateTimeOffset? LastEventAt(string? name) =>
        Events.Where(e => name is null || Names.Equals(e.Name, name)).Max(e => (DateTimeOffset?)e.OccurredAt);

    public IReadOnlyList<DateTimeOffset> EventTimes(string name) =>
        [.. Events.Where(e => Names.Equals(e.Name, name)).Select(e => e.OccurredAt).Order()];
}
