namespace Rapport.Hub.Model;

public static class AccountOverridesInputs
{
    /// <summary>The same inputs with what teammates set by hand on the account; unchanged when nothing was.</summary>
    public static AccountInputs WithOverrides(this AccountInputs inputs, AccountOverrides? overrides) => overrides is null
        ? inputs
        : new AccountInputs(inputs.Id)
        {
            Fields = inputs.Fields,
            Traits = inputs.Traits,
            Tags = inputs.Tags,
            SourceSegments = inputs.SourceSegments,
            UserIds = inputs.UserIds,
            LastSeenAt = inputs.LastSeenAt,
            Events = inputs.Events,
            ManualOwnerUserId = overrides.Owner?.UserId,
            ManualSegments = overrides.Segments.ToDictionary(s => s.Segment, s => s.Member, StringComparer.OrdinalIgnoreCase),
            AddressedIndicators = overrides.Addressed,
        };
}
