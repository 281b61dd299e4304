using Rapport.Hub.Accounts;
using Rapport.Hub.Rules;

namespace Rapport.Hub.Model;

/// <summary>
/// Everything the model reads about one account: its fields, traits by source, tags, source segments, users, last
/// seen, and its users' events. A store implements it over one account's rows, so recomputing an account reads only
/// that account.
/// </summary>
public interface IAccountInputs
{
    AccountId Id { get; }

    /// <summary>A field of the account itself by its rule name (<c>plan</c>); <see cref="FieldValue.Missing"/> when unknown.</summary>
    FieldValue Field(string name);

    /// <summary>A trait of one source (<c>intercom</c>, <c>segment</c>, <c>api</c>, <c>csv</c>); Missing when absent.</summary>
    FieldValue Trait(string source, string name);

    IReadOnlyList<string> Tags { get; }

    IReadOnlyList<string> SourceSegments { get; }

    /// <summary>The <c>user_id</c>s of the account's users.</summary>
    IReadOnlyCollection<string> UserIds { get; }

    /// <summary>The owner a teammate set by hand, which wins over the owner trait.</summary>
    string? ManualOwnerUserId { get; }

    /// <summary>Segments a teammate put the account in (true) or took it out of (false) by hand, which win over rules.</summary>
    IReadOnlyDictionary<string, bool> ManualSegments => AccountOverrides.NoSegments;

    /// <summary>Indicators a teammate marked addressed, by indicator name: each mark holds for one activation only.</summary>
    IReadOnlyDictionary<string, IndicatorAddressed> AddressedIndicators => AccountOverrides.NoneAddressed;

    DateTimeOffset? LastSeenAt { get; }

    /// <summary>How many times the account's users did <paramref name="name"/> at or after <paramref name="since"/>.</summary>
    long CountEvents(string name, DateTimeOffset since);

    /// <summary>How many distinct users of the account did <paramref name="name"/> at or after <paramref name="since"/>.</summary>
    long CountDistinctUsers(string name, DateTimeOffset since);

    /// <summary>The last time any user of the account did <paramref name="name"/>, or any event when it is null.</summary>
    DateTimeOffset? LastEventAt(string? name);

    /// <summary>When the account's users did <paramref name="name"/>, oldest first (element counts replay them).</summary>
    IReadOnlyList<DateTimeOffset> EventTimes(string name);
}
