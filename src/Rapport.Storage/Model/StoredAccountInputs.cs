using Rapport.Hub.Accounts;
using Rapport.Hub.Model;
using Rapport.Hub.Rules;

namespace Rapport.Storage;

/// <summary>
/// One account's inputs as <see cref="ModelStore.LoadAccountInputsAsync"/> read them: the in-memory
/// <see cref="AccountInputs"/> (fields, traits, tags, users and the model's events) plus the last event of any name,
/// which is read as one number rather than by loading every event.
/// </summary>
internal sealed class StoredAccountInputs(AccountInputs inputs, DateTimeOffset? lastEventAt) : IAccountInputs
{
    public const string Intercom = "intercom";

    /// <summary>The account's own fields, by rule name; source fields come from its primary source record.</summary>
    public static readonly IReadOnlyList<string> AccountFields =
        ["name", "external_id", "status", "created_at", "plan", "industry", "size", "website", "user_count", "last_seen_at"];

    /// <summary>A source company's standard fields, readable as traits beside its custom attributes (<c>intercom.plan</c>).</summary>
    public static readonly IReadOnlyList<string> SourceFields =
        ["name", "plan", "monthly_spend", "user_count", "session_count", "size", "industry", "website", "created_at", "last_seen_at"];

    public AccountId Id => inputs.Id;

    public IReadOnlyList<string> Tags => inputs.Tags;

    public IReadOnlyList<string> SourceSegments => inputs.SourceSegments;

    public IReadOnlyCollection<string> UserIds => inputs.UserIds;

    public string? ManualOwnerUserId => inputs.ManualOwnerUserId;

    public IReadOnlyDictionary<string, bool> ManualSegments => inputs.ManualSegments;

    public IReadOnlyDictionary<string, IndicatorAddressed> AddressedIndicators => inputs.AddressedIndicators;

    public DateTimeOffset? LastSeenAt => inputs.LastSeenAt;

    public FieldValue Field(string name) => inputs.Field(name);

    public FieldValue Trait(string source, string name) => inputs.Trait(source, name);

    public long CountEvents(string name, DateTimeOffset since) => inputs.CountEvents(name, since);

    public long CountDistinctUsers(string name, DateTimeOffset since) => inputs.CountDistinctUsers(name, since);

    public DateTimeOffset? LastEventAt(string? name) => name is null ? lastEventAt : inputs.LastEventAt(name);

    public IReadOnlyList<DateTimeOffset> EventTimes(string name) => inputs.EventTimes(name);
}
