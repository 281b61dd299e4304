using Rapport.Hub.Model;

namespace Rapport.Hub.Storage;

/// <summary>What teammates set by hand on an account: its owner, segment memberships and indicators marked addressed.</summary>
public partial interface IHubStore
{
    /// <summary>Everything set by hand on the account, with who and when; empty when nothing was.</summary>
    Task<AccountOverrides> GetAccountOverridesAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="owner"/> the account's owner, whatever the owner trait says.</summary>
    Task SetManualOwnerAsync(long accountId, ManualOwner owner, CancellationToken cancellationToken = default);

    /// <summary>Lets the owner trait decide again; false when no owner was set by hand.</summary>
    Task<bool> ClearManualOwnerAsync(long accountId, CancellationToken cancellationToken = default);

    /// <summary>Puts the account in or out of a segment, whatever the segment's rule says.</summary>
    Task SetManualSegmentAsync(long accountId, ManualSegment segment, CancellationToken cancellationToken = default);

    /// <summary>Lets the segment's rule decide again; false when nothing was set by hand.</summary>
    Task<bool> ClearManualSegmentAsync(long accountId, string segment, CancellationToken cancellationToken = default);

    /// <summary>Marks the activation of <paramref name="indicator"/> that began at <see cref="IndicatorAddressed.ActivatedAt"/> addressed.</summary>
    Task MarkIndicatorAddressedAsync(long accountId, string indicator, IndicatorAddressed mark, CancellationToken cancellationToken = default);
}
