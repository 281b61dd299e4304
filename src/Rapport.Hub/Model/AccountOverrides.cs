using Rapport.Hub.Accounts;

namespace Rapport.Hub.Model;

/// <summary>
/// A teammate's mark on one activation of an indicator. <see cref="ActivatedAt"/> names the activation: once the
/// indicator turns off and on again the mark no longer matches, so a later activation starts unaddressed.
/// </summary>
public sealed record IndicatorAddressed(DateTimeOffset ActivatedAt, string AddressedBy, DateTimeOffset AddressedAt);

/// <summary>The owner a teammate set by hand (a <c>user_id</c> of one of the account's users).</summary>
public sealed record ManualOwner(string UserId, string SetBy, DateTimeOffset SetAt);

/// <summary>A teammate's decision that an account is in (<see cref="Member"/>) or out of a segment, whatever its rule says.</summary>
public sealed record ManualSegment(string Segment, bool Member, string SetBy, DateTimeOffset SetAt);

/// <summary>What teammates set by hand on one account, with who and when: it wins over what the definitions compute.</summary>
public sealed record AccountOverrides(
    AccountId AccountId,
    ManualOwner? Owner,
    IReadOnlyList<ManualSegment> Segments,
    IReadOnlyDictionary<string, IndicatorAddressed> Addressed)
{
    internal static readonly IReadOnlyDictionary<string, bool> NoSegments =
        new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

    internal static readonly IReadOnlyDictionary<string, IndicatorAddressed> NoneAddressed =
        new Dictionary<string, IndicatorAddressed>(StringComparer.OrdinalIgnoreCase);

    public static AccountOverrides None(AccountId accountId) => new(accountId, null, [], NoneAddressed);
}
