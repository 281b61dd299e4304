namespace Rapport.Hub.Webhooks;

/// <summary>How far the webhook worker is behind, for the sync status card.</summary>
/// <param name="AppliedSince">Notifications applied at or after the time asked about (the card asks for the last hour).</param>
/// <param name="OldestWaitingReceivedAt">When the oldest notification still waiting to be applied arrived (failed ones, counted
/// apart, excluded); null when none waits.</param>
/// <param name="LastAppliedReceivedAt">When the most recently applied notification arrived.</param>
/// <param name="LastAppliedAt">When it was applied.</param>
public sealed record InboxLag(
    long AppliedSince, DateTimeOffset? OldestWaitingReceivedAt, DateTimeOffset? LastAppliedReceivedAt, DateTimeOffset? LastAppliedAt)
{
    /// <summary>The age of the oldest waiting notification at <paramref name="now"/>; zero when nothing waits.</summary>
    public TimeSpan WaitingFor(DateTimeOffset now) =>
        OldestWaitingReceivedAt is { } oldest && now > oldest ? now - oldest : TimeSpan.Zero;

    /// <summary>Received → applied of the most recently applied notification.</summary>
    public TimeSpan? LastApplyDelay =>
        (LastAppliedReceivedAt, LastAppliedAt) is ({ } received, { } applied) ? applied - received : null;
}
