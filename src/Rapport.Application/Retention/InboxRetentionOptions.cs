namespace Rapport.Application.Retention;

/// <summary>How long applied inbox rows are kept.</summary>
public sealed class InboxRetentionOptions
{
    /// <summary>
    /// How long applied webhook notifications and Segment calls are kept before they are deleted (7 days by default); zero
    /// keeps them for ever. Failed and set-aside ones stay until handled.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
