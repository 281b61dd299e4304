namespace Rapport.Hub.Sync;

/// <summary>The jobs that must run in one process at a time against a hub, however many processes use it.</summary>
public enum HubJob
{
    /// <summary>The import and the reconciliation sweep: they write the same records through the same checkpoints.</summary>
    IntercomSync = 1,

    /// <summary>The push onto Intercom: two at once would plan the same changes and write each of them twice.</summary>
    IntercomPush = 2,

    /// <summary>Applying Segment's inbox: in arrival order, by one applier, or a track could overtake the group that places its user.</summary>
    SegmentInbox = 3,
}
