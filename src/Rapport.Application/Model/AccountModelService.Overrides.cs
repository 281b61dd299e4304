using Rapport.Hub.Model;
using Rapport.Hub.Accounts;
using Rapport.Hub.Playbooks;

namespace Rapport.Application.Model;

/// <summary>Why a change by hand was refused, or <see cref="Done"/>.</summary>
public enum OverrideOutcome
{
    Done,

    /// <summary>No such account, segment or indicator.</summary>
    NotFound,

    /// <summary>The change names something that cannot apply (a user of another account).</summary>
    Invalid,

    /// <summary>The account is not in a state that allows it (an indicator that is not active).</summary>
    Conflict,
}

/// <summary>What a change by hand did: the account's overrides and its state recomputed at once, or why nothing changed.</summary>
public sealed record OverrideResult(OverrideOutcome Outcome, string? Message, AccountOverrides? Overrides, AccountState? State)
{
    internal static OverrideResult Refused(OverrideOutcome outcome, string message) => new(outcome, message, null, null);
}

public sealed partial class AccountModelService
{
    /// <summary>Makes <paramref name="userId"/>, one of the account's users, its owner whatever the owner trait says.</summary>
    public async Task<OverrideResult> SetOwnerAsync(long accountId, string userId, string setBy, CancellationToken cancellationToken = default)
    {
        if (await InputsAsync(accountId, cancellationToken) is not { } inputs)
            return NoAccount(accountId);
        var user = inputs.UserIds.FirstOrDefault(id => string.Equals(id, userId.Trim(), StringComparison.OrdinalIgnoreCase));
        if (user is null)
        {
            return OverrideResult.Refused(OverrideOutcome.Invalid, inputs.UserIds.Count == 0
                ? $"Account {accountId} has no users, so no owner can be set."
                : $"User '{userId}' is not a user of account {accountId}; the owner is one of its users ({string.Join(", ", inputs.UserIds.Order().Take(10))}).");
        }

        await modelStore.SetManualOwnerAsync(new AccountId(accountId), new ManualOwner(user, setBy, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return await RecomputedAsync(accountId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lets the owner trait decide the account's owner again.</summary>
    public async Task<OverrideResult> ClearOwnerAsync(long accountId, CancellationToken cancellationToken = default)
    {
        if (await InputsAsync(accountId, cancellationToken) is null)
            return NoAccount(accountId);
        await modelStore.ClearManualOwnerAsync(new AccountId(accountId), cancellationToken).ConfigureAwait(false);
        return await RecomputedAsync(accountId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts the account in (<paramref name="member"/>) or out of a segment of the definitions in force, whatever its rule says.</summary>
    public async Task<OverrideResult> SetSegmentAsync(long accountId, string segment, bool member, string setBy, CancellationToken cancellationToken = default)
    {
        if (await InputsAsync(accountId, cancellationToken) is null)
            return NoAccount(accountId);
        var (_, loaded) = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var segments = loaded?.Model?.Definitions.Segments ?? [];
        if (segments.FirstOrDefault(s => string.Equals(s.Name, segment.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } defined)
        {
            return OverrideResult.Refused(OverrideOutcome.NotFound, segments.Count == 0
                ? $"There is no segment '{segment}': the definitions in force define no segments (Settings → Metrics)."
                : $"There is no segment '{segment}'; the segments are {string.Join(", ", segments.Select(s => $"'{s.Name}'"))}.");
        }

        await modelStore.SetManualSegmentAsync(new AccountId(accountId), new ManualSegment(defined.Name, member, setBy, timeProvider.GetUtcNow()), cancellationToken)
            .ConfigureAwait(false);
        return await RecomputedAsync(accountId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lets the segment's rule (and the document's include and exclude lists) decide again.</summary>
    public async Task<OverrideResult> ClearSegmentAsync(long accountId, string segment, CancellationToken cancellationToken = default)
    {
        if (await InputsAsync(accountId, cancellationToken) is null)
            return NoAccount(accountId);
        var set = (await modelStore.GetAccountOverridesAsync(new AccountId(accountId), cancellationToken).ConfigureAwait(false)).Segments
            .FirstOrDefault(s => string.Equals(s.Segment, segment.Trim(), StringComparison.OrdinalIgnoreCase));
        if (set is not null)
            await modelStore.ClearManualSegmentAsync(new AccountId(accountId), set.Segment, cancellationToken).ConfigureAwait(false);
        return await RecomputedAsync(accountId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the current activation of an active indicator addressed; a later activation starts unaddressed.</summary>
    public async Task<OverrideResult> MarkAddressedAsync(long accountId, string indicator, string addressedBy, CancellationToken cancellationToken = default)
    {
        if (await InputsAsync(accountId, cancellationToken) is null)
            return NoAccount(accountId);
        var state = (await modelStore.GetAccountStatesAsync([accountId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(accountId);
        if (state?.Indicator(indicator.Trim()) is not { Active: true } active)
        {
            var names = state?.ActiveIndicators.Select(i => $"'{i.Name}'").ToList() ?? [];
            return OverrideResult.Refused(OverrideOutcome.Conflict, names.Count == 0
                ? $"Indicator '{indicator}' is not active on account {accountId}; no indicator is."
                : $"Indicator '{indicator}' is not active on account {accountId}; the active ones are {string.Join(", ", names)}.");
        }

        await modelStore.MarkIndicatorAddressedAsync(
            new AccountId(accountId), active.Name, new IndicatorAddressed(active.ActivatedAt, addressedBy, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return await RecomputedAsync(accountId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IAccountInputs?> InputsAsync(long accountId, CancellationToken cancellationToken) =>
        (await modelStore.LoadAccountInputsAsync([accountId], [], cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    private static OverrideResult NoAccount(long accountId) =>
        OverrideResult.Refused(OverrideOutcome.NotFound, $"There is no account with id {accountId}.");

    // The change shows at once on the account page: only this account is recomputed, not the next scheduled pass.
    private async Task<OverrideResult> RecomputedAsync(long accountId, CancellationToken cancellationToken)
    {
        await RecomputeAsync([accountId], cancellationToken).ConfigureAwait(false);
        var overrides = await modelStore.GetAccountOverridesAsync(new AccountId(accountId), cancellationToken).ConfigureAwait(false);
        var state = (await modelStore.GetAccountStatesAsync([accountId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(accountId);
        return new OverrideResult(OverrideOutcome.Done, null, overrides, state);
    }
}
