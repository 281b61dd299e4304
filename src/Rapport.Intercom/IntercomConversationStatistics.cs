namespace Rapport.Intercom;

/// <summary>The <c>conversation_statistics</c> Rapport uses; <see cref="CountConversationParts"/> is what a completeness audit compares to.</summary>
public sealed record IntercomConversationStatistics
{
    public DateTimeOffset? FirstContactReplyAt { get; init; }
    public DateTimeOffset? LastContactReplyAt { get; init; }
    public DateTimeOffset? FirstAdminReplyAt { get; init; }
    public DateTimeOffset? LastAdminReplyAt { get; init; }
    public DateTimeOffset? LastCloseAt { get; init; }
    public int? CountReopens { get; init; }
    public int? CountAssignments { get; init; }
    public int? CountConversationParts { get; init; }
}
